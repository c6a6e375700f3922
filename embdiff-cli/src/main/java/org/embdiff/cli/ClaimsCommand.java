package org.embdiff.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.embdiff.attention.AttentionResult;
import org.embdiff.claims.ClaimInputs;
import org.embdiff.claims.ClaimSettings;
import org.embdiff.claims.ClaimsTable;
import org.embdiff.claims.ClaimsText;
import org.embdiff.transfer.TransferResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code embdiff claims}: the table of claims with computed verdicts (SPEC section 10). Runs the
 * analyses this command can run itself (transfer, attention); claims whose inputs come from
 * analyses not run here are listed as not measurable, naming the missing input.
 */
@Command(name = "claims", mixinStandardHelpOptions = true,
    description = "Print the table of claims (wiki vs Twitter) with measured values, intervals and computed verdicts.")
final class ClaimsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;
  @Mixin TwoSidesOptions sides;

  @Option(names = "--lexicons", paramLabel = "DIR", description = "Lexicon directory for the transfer claims (default: bundled).")
  Path lexicons;

  @Option(names = "--splits", description = "Transfer splits (default: ${DEFAULT-VALUE}).")
  int splits = 10;

  @Override
  public Integer call() throws Exception {
    TransferResult transfer = TransferCommand.run(sides, common, lexicons, TransferCommand.ALL_TASKS, splits, 1.0, 5);
    AttentionResult attention = AttentionCommand.run(sides, common, 25, 20);
    ClaimInputs inputs = ClaimInputs.builder(transfer.sideA(), transfer.sideB())
        .transfer(transfer)
        .attention(attention)
        .build();
    ClaimsTable table = ClaimsTable.of(inputs, ClaimSettings.defaults(common.seed()));
    spec.commandLine().getOut().print(ClaimsText.render(table.claims()));
    spec.commandLine().getOut().flush();
    sides.writeJson("transfer.json", transfer);
    sides.writeJson("attention.json", attention);
    sides.writeJson("claims.json", table);
    return ExitCodes.OK;
  }
}
