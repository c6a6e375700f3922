package org.embdiff.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.embdiff.claims.Interval;
import org.embdiff.compare.analyses.TransferAnalysis;
import org.embdiff.transfer.DomainDivergence;
import org.embdiff.transfer.TransferResult;

/** The view of {@link TransferAnalysis.Result}. */
final class TransferView {
  private TransferView() {}

  static SectionView of(TransferAnalysis.Result r) {
    return view(r.transfer()).build();
  }

  static SectionView.Builder view(TransferResult result) {
    SectionView.Builder view = new SectionView.Builder(
        "A logistic-regression classifier learns a word label (sentiment, WordNet supersense) from one side's vectors. "
            + "In-domain: tested on held-out words with the same side's vectors. Cross-domain: the same held-out words "
            + "with the other side's vectors mapped into the training space. The gap between the two is what a model "
            + "loses when the domain changes; the last chart asks whether the loss grows with how differently frequent "
            + "a word is in the two domains.");
    List<List<Object>> rows = new ArrayList<>();
    List<String> categories = new ArrayList<>();
    List<double[]> inDomain = new ArrayList<>();
    List<double[]> cross = new ArrayList<>();
    List<double[]> majority = new ArrayList<>();
    for (TransferResult.Task task : result.tasks()) {
      for (TransferResult.Direction d : task.directions()) {
        int i = categories.size();
        categories.add(task.task() + ": " + d.trainSide() + " \u2192 " + d.otherSide());
        inDomain.add(new double[] {i, d.inDomain().accuracy().estimate()});
        cross.add(new double[] {i, d.crossDomain().accuracy().estimate()});
        majority.add(new double[] {i, d.majority().accuracy().estimate()});
        rows.add(Arrays.asList(task.task(), task.words(), d.trainSide(), d.otherSide(),
            d.inDomain().accuracy().estimate(), d.crossDomain().accuracy().estimate(), d.majority().accuracy().estimate(),
            d.inDomain().macroF1().estimate(), d.crossDomain().macroF1().estimate(), d.inDomain().logLoss().estimate(),
            d.crossDomain().logLoss().estimate(), d.lossIncrease().estimate(), d.lossIncrease().lo(), d.lossIncrease().hi()));
      }
    }
    view.chart(new Chart("transfer-accuracy", "bar", "Accuracy in-domain vs cross-domain", "task: trained on \u2192 tested with",
        "accuracy", false, false, List.of(new Chart.Series("in-domain", "bar", inDomain, null),
            new Chart.Series("cross-domain", "bar", cross, null), new Chart.Series("majority class", "bar", majority, null)),
        categories, null, "Means over " + result.settings().splits() + " random 80/20 splits of the labelled words."));
    List<Chart.Series> loss = new ArrayList<>();
    KeyTable.Builder rel = new KeyTable.Builder("Loss vs divergence (Spearman over test words)", List.of("\u03c1 cross loss", "\u03c1 excess loss"));
    for (TransferResult.Task task : result.tasks()) {
      for (TransferResult.Direction d : task.directions()) {
        TransferResult.DivergenceRelation r = d.divergenceRelation();
        if (r == null) {
          continue;
        }
        List<double[]> pts = new ArrayList<>();
        for (TransferResult.Bin bin : r.bins()) {
          pts.add(new double[] {(bin.divergenceLo() + bin.divergenceHi()) / 2, bin.meanCrossLoss() - bin.meanInLoss()});
        }
        loss.add(new Chart.Series(task.task() + " " + d.trainSide() + "\u2192" + d.otherSide(), "line", pts, null));
        rel.row(task.task() + ": " + d.trainSide() + " \u2192 " + d.otherSide(), r.words() + " words", cell(r.spearmanCrossLoss()),
            cell(r.spearmanExcessLoss()));
      }
    }
    KeyTable.Builder metrics = new KeyTable.Builder("Cross-domain minus in-domain log loss (nats, t-interval over splits)",
        List.of("loss increase"));
    for (TransferResult.Task task : result.tasks()) {
      for (TransferResult.Direction d : task.directions()) {
        metrics.row(task.task() + ": " + d.trainSide() + " \u2192 " + d.otherSide(), d.map(), cell(d.lossIncrease()));
      }
    }
    view.keyTable(metrics.build());
    if (!rel.isEmpty()) {
      view.keyTable(rel.build());
      view.chart(Chart.xy("transfer-loss-divergence", "Excess loss vs divergence of the word", "|log\u2082 P_A(w)/P_B(w)| (bin centre)",
          "cross \u2212 in-domain log loss", false, false, loss,
          "Test words in equal-count bins of their pointwise divergence between the two word distributions."));
    }
    if (result.divergence() != null) {
      DomainDivergence.Summary s = result.divergence();
      view.keyTable(new KeyTable.Builder("Divergence of the word distributions", List.of("bits")).row(
          "D_KL(" + result.sideA() + " \u2016 " + result.sideB() + ")", "Lidstone \u03bb = " + s.lambda(), Cell.of(s.klAB()))
          .row("D_KL(" + result.sideB() + " \u2016 " + result.sideA() + ")", "Lidstone \u03bb = " + s.lambda(), Cell.of(s.klBA()))
          .row("Jensen\u2013Shannon", s.support() + " words" + (s.truncated() ? "; truncated lists: head only" : ""),
              Cell.of(s.jsBits())).build());
    }
    view.table(new DataTable("transfer", "Per task and direction", List.of(
        new DataTable.Column("task", "task", "text"), new DataTable.Column("words", "words", "number"),
        new DataTable.Column("train", "trained on", "text"), new DataTable.Column("test", "cross test with", "text"),
        new DataTable.Column("acc_in", "accuracy in", "number"), new DataTable.Column("acc_cross", "accuracy cross", "number"),
        new DataTable.Column("acc_majority", "majority", "number"), new DataTable.Column("f1_in", "macro-F1 in", "number"),
        new DataTable.Column("f1_cross", "macro-F1 cross", "number"), new DataTable.Column("loss_in", "log loss in", "number"),
        new DataTable.Column("loss_cross", "log loss cross", "number"), new DataTable.Column("loss_increase", "loss increase", "number"),
        new DataTable.Column("loss_increase_lo", "95% lo", "number"), new DataTable.Column("loss_increase_hi", "95% hi", "number")),
        rows, true, null));
    result.notes().forEach(view::note);
    return view;
  }

  private static Cell cell(Interval i) {
    return i == null ? Cell.EMPTY : Cell.of(i.estimate(), i.lo(), i.hi());
  }
}
