package org.embdiff.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.embdiff.claims.Margins;
import org.embdiff.compare.CompareSettings;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --margin CLAIM_ID=VALUE} (repeatable): the claims' smallest differences of interest, overriding the defaults. */
public final class MarginOptions {
  @Option(names = "--margin", paramLabel = "CLAIM_ID=VALUE", converter = MarginConverter.class,
      description = "Override a claim's margin (the smallest difference of interest), by claim id or id prefix, e.g. "
          + "--margin entropy=0.2 or --margin transfer.loss-increase=0.02; repeatable. The report lists every margin "
          + "used and which were set here. Defaults and their reasons: docs/DESIGN.md, \"How verdicts are decided\".")
  List<Map.Entry<String, Double>> margins = List.of();

  /** The margins: the defaults with the overrides given. */
  Margins margins() {
    Map<String, Double> overrides = new LinkedHashMap<>();
    margins.forEach(e -> overrides.put(e.getKey(), e.getValue()));
    return Margins.withOverrides(overrides);
  }

  /** {@code settings} with these margins. */
  CompareSettings apply(CompareSettings settings) {
    return settings.withAnalyses(settings.analyses().withMargins(margins()));
  }

  /** Parses CLAIM_ID=VALUE, refusing an unknown claim family or a negative or non-finite value (a usage error). */
  static final class MarginConverter implements ITypeConverter<Map.Entry<String, Double>> {
    @Override
    public Map.Entry<String, Double> convert(String text) {
      int eq = text.indexOf('=');
      if (eq <= 0 || eq == text.length() - 1) {
        throw new TypeConversionException("'" + text + "' is not CLAIM_ID=VALUE (e.g. entropy=0.2)");
      }
      String key = text.substring(0, eq).strip();
      String value = text.substring(eq + 1).strip();
      if (!Margins.known(key)) {
        throw new TypeConversionException("no claim has the id or id prefix '" + key + "'; expected one starting with "
            + String.join(", ", Margins.DEFAULTS.stream().map(Margins.Default::key).toList()));
      }
      double v;
      try {
        v = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new TypeConversionException("margin for '" + key + "': '" + value + "' is not a number");
      }
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new TypeConversionException("margin for '" + key + "' must be a finite number >= 0, got " + value);
      }
      return Map.entry(key, v);
    }
  }
}
