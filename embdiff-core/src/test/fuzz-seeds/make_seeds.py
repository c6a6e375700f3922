#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets (embdiff-core/src/test/java/org/embdiff/fuzz) into
src/test/resources/org/embdiff/fuzz/<Class>Inputs/<method>/: a few well-formed files per parser and
the messy variants real files have. Run from the repository root; rerunning rewrites the same files."""
import bz2, gzip, lzma, os, struct

R = 'embdiff-core/src/test/resources/org/embdiff/fuzz'


def put(cls, method, name, data):
    d = os.path.join(R, cls + 'Inputs', method)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, 'seed-' + name), 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))


def crc32c(data):
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def cache(words, dim, values, version=1):
    vocab = b''.join(struct.pack('<i', len(w.encode())) + w.encode() for w in words)
    matrix_off = (64 + len(vocab) + 63) // 64 * 64
    footer_off = matrix_off + len(words) * dim * 4
    head = b'EMBDIFF\x1a' + struct.pack('<iiqqqq', version, dim, len(words), 64, matrix_off, footer_off) + b'\0' * 16
    body = head + vocab + b'\0' * (matrix_off - 64 - len(vocab)) + struct.pack('<%df' % len(values), *values)
    return body + struct.pack('<Q', crc32c(body)) + b'EMBDEND\0'


def w2v_binary(rows, dim, lf=True):
    out = f"{len(rows)} {dim}\n".encode()
    for w, v in rows:
        out += w.encode() + b' ' + struct.pack('<%df' % dim, *v) + (b'\n' if lf else b'')
    return out


def first_lines(path, n):
    with gzip.open(path, 'rt', encoding='utf-8', errors='replace') as f:
        return ''.join(next(f) for _ in range(n))


V = 'VectorFilesFuzzTest'
glove = first_lines('data/embeddings/glove.twitter.27B.25d.embedplyr12k.txt.gz', 4)
w2v = "3 2\nthe 0.5 -1.25\nof 1e-3 7\n<user> 2 2\n"
binary = w2v_binary([('the', [0.1, 0.2, 0.3]), ('of', [1, 2, 3])], 3)
put(V, 'glove', 'glove-twitter-25d', glove)
put(V, 'glove', 'crlf-bom-blank', '\ufeffthe 0.1 -0.2 3e-4\r\n\r\nof 1 2 3\r\n')
put(V, 'glove', 'ragged', 'a 1 2 3\nb 1 2\n')
put(V, 'glove', 'nan', 'a 1 2\nb nan 2\n')
put(V, 'glove', 'duplicate-invalid-utf8', b'a 1 2\na 3 4\n\xff\xfe 5 6\n')
put(V, 'word2vecText', 'header', w2v)
put(V, 'word2vecText', 'count-disagrees', "5 2\na 1 2\n")
put(V, 'word2vecText', 'dim-disagrees', "1 3\na 1 2\n")
put(V, 'fastText', 'trailing-space', "2 3\nthe 1 2 3 \nand 4 5 6 \n")
put(V, 'word2vecBinary', 'c-tool', binary)
put(V, 'word2vecBinary', 'gensim', w2v_binary([('a', [1, 2]), ('b', [3, 4])], 2, lf=False))
put(V, 'word2vecBinary', 'truncated', binary[:-5])
good_cache = cache(['the', 'of', 'ünï'], 2, [1, 2, 3, 4, 5, 6])
put(V, 'embdiffCache', 'valid', good_cache)
put(V, 'embdiffCache', 'future-version', cache(['a'], 1, [1], version=9))
put(V, 'embdiffCache', 'bad-crc', good_cache[:-16] + b'\0' * 8 + b'EMBDEND\0')
put(V, 'detected', 'gzip-glove', gzip.compress(glove.encode(), mtime=0))
put(V, 'detected', 'bzip2-glove', bz2.compress(glove.encode()))
put(V, 'detected', 'xz-word2vec', lzma.compress(w2v.encode()))
put(V, 'detected', 'word2vec-binary', binary)
put(V, 'detected', 'cache', good_cache)
put(V, 'detected', 'glove', glove)

L = 'ListFilesFuzzTest'
put(L, 'frequencyList', 'tsv', "the\t1000\nof 500\n#tag 12\n# a comment\n\nhello\t3\t9\n")
put(L, 'frequencyList', 'enwiki', first_lines('data/freq/enwiki_vocab_min200.top60k.txt.gz', 5))
put(L, 'frequencyList', 'twitter', first_lines('data/freq/twitter-ark-wordfreq.top60k.tsv.gz', 5))
put(L, 'stanfordVocabulary', 'vocab', "the 100\nof 50\n<unk> 3\n")
put(L, 'stanfordVocabulary', 'duplicate', "the 100\nthe 50\n")
put(L, 'lexicons', 'bing-liu', "good\tpositive\nbad\tnegative\n; comment\n")
put(L, 'lexicons', 'afinn', "abandon\t-2\nabhor\t-3\nok\t0\n")
put(L, 'lexicons', 'wordnet', "dog\tn\tnoun.animal\tnoun.animal,noun.person\t7\nrun\tv\tverb.motion\tverb.motion\t41\n")
put(L, 'analogies', 'questions', ": capital-common-countries\nAthens Greece Baghdad Iraq\nbad line\n: gram1\na b c d\n")
put(L, 'wordPairs', 'tab', "# comment\nold\tnew\t1.58\r\ntiger cat 7.35\n")

C = 'CooccurrenceFilesFuzzTest'
put(C, 'crecRecords', 'records', struct.pack('<iid', 1, 2, 0.5) + struct.pack('<iid', 2, 1, 0.5) + struct.pack('<iid', 1, 1, 3.0))
put(C, 'crecRecords', 'truncated', struct.pack('<iid', 1, 2, 0.5)[:12])

T = 'TextInputsFuzzTest'
put(T, 'sideSpec', 'full', "wiki=vectors:data/a.txt.gz,corpus:c1.txt,corpus:c2.txt,freq:f.tsv")
put(T, 'sideSpec', 'bare', "twitter=vectors.txt")
put(T, 'sideSpec', 'unknown-kind', "x=foo:bar")
put(T, 'sideSpec', 'no-name', "=vectors:a")
put(T, 'tokenizers', 'tweet', "@user RT Check http://t.co/abc #Winning :) :-( <3 loooool HELLO 12.5% 🇩🇪 👍🏽 👨‍👩‍👧 1️⃣")
put(T, 'tokenizers', 'wiki', "The cat's hat (1998) cost $3.50 -- U.S.A. don't @-@ <unk> e-mail www.example.com")
put(T, 'tokenizers', 'controls', "a\u202ebidi\u0000nul\ttab\u200bzw <script>alert(1)</script>")

# Inputs that broke the contract before the fixes (kept as regression inputs, named crash-*).
def crash(cls, method, name, data):
    d = os.path.join(R, cls + 'Inputs', method)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, 'crash-' + name), 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))


# a header dimension of 10^8 made the text parser allocate 16 rows of it (6.4 GB) for a 16-byte file
crash(V, 'word2vecText', 'huge-header-dim', "1 100000000\nw 1\n")
# blank lines counted as rows: 100,001 lines x 20,000 values were allocated up front (8 GB) for 140 kB
crash(V, 'word2vecText', 'blank-lines-times-dim', "2 20000\nw " + "0 " * 20000 + "\n" + "\n" * 100000)
# a compressed word2vec binary with a header of 10^8 rows: 256 MB allocated up front for 40 bytes
crash(V, 'detected', 'gzip-binary-huge-count', gzip.compress(b"100000000 64\nw " + b"\0" * 256, mtime=0))
# rows * dim overflowed the size checks of the cache header: an ArithmeticException from a 160-byte file
head = b'EMBDIFF\x1a' + struct.pack('<iiqqqq', 1, 4, (1 << 61) + 1, 64, 128, 144) + b'\0' * 16
body = head + b'\0' * 64 + b'\0' * 16
crash(V, 'embdiffCache', 'rows-times-dim-overflow', body + struct.pack('<Q', crc32c(body)) + b'EMBDEND\0')
# damaged gzip data surfaced as a bare ZipException/EOFException without the file name
crash(V, 'detected', 'corrupt-gzip', gzip.compress(glove.encode(), mtime=0)[:40] + b'\xff' * 20)
crash(L, 'frequencyList', 'corrupt-bzip2', bz2.compress(b"the 100\n" * 50)[:30] + b'\0' * 30)
# a NaN co-occurrence value was loaded into the matrix
crash(C, 'crecRecords', 'nan-value', struct.pack('<iid', 1, 2, float('nan')))
# a NUL in a path gave a bare InvalidPathException that did not name the side
crash(T, 'sideSpec', 'nul-in-path', "wiki=vectors:a\0b")
