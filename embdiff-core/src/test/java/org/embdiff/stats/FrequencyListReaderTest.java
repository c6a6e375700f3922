package org.embdiff.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.embdiff.io.VectorFormatException;
import org.embdiff.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrequencyListReaderTest {
  @TempDir
  Path dir;

  @Test
  void tabSpaceCommentsExtraColumnsAndDuplicates() throws IOException {
    Path p = dir.resolve("f.tsv");
    Files.writeString(p, "\uFEFF# a comment\nthe\t10\t0101\nnew york\t4\n\nof 7 x\nthe 2\r\n");
    FrequencyListReader.Result r = FrequencyListReader.readDetailed(p);
    assertThat(r.counts().words()).containsExactly("the", "of", "new york");
    assertThat(r.counts().counts()).containsExactly(12, 7, 4);
    assertThat(r.duplicates()).isEqualTo(1);
    assertThat(r.lines()).isEqualTo(4);
    assertThat(r.counts().totalTokens()).isEqualTo(23);
  }

  @Test
  void badLineNamesFileAndLine() throws IOException {
    Path p = dir.resolve("bad.txt");
    Files.writeString(p, "a 1\nb two\n");
    assertThatThrownBy(() -> FrequencyListReader.read(p)).isInstanceOf(VectorFormatException.class)
        .hasMessageContaining("bad.txt:2").hasMessageContaining("b two");
  }

  @Test
  void realListsReadWithDocumentedSizes() throws IOException {
    Counts ark = FrequencyListReader.read(SharedData.require("freq/twitter-ark-50mpaths2-wordfreq.tsv.gz"));
    // SOURCES.md: 216,856 rows, sum of counts 821,457,640 (lowercasing may merge none: rows are unique)
    assertThat(ark.size()).isEqualTo(216_856);
    assertThat(ark.totalTokens()).isEqualTo(821_457_640L);
    assertThat(ark.truncated()).isTrue();
    Counts wiki = FrequencyListReader.read(SharedData.require("freq/enwiki_vocab_min200.txt.gz"));
    assertThat(wiki.size()).isEqualTo(188_033);
    assertThat(wiki.word(0)).isEqualTo("the");
    assertThat(wiki.minCount()).isGreaterThanOrEqualTo(200);
  }
}
