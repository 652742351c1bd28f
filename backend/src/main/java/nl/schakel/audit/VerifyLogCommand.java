package nl.schakel.audit;

import java.io.PrintStream;
import java.util.List;

import nl.schakel.audit.VerificationReport.RowDifference;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --schakel.command=verify-log}: verifies the sealed disclosure log from the
 * command line, prints the report and exits with 0 when intact, 1 when broken, 2 on a
 * usage error.
 *
 * <pre>
 * java -jar backend/target/schakel.jar --spring.main.web-application-type=none \
 *      --schakel.command=verify-log [--seal-first] [--incremental] [--head=NUMBER:HASH]
 * </pre>
 *
 * {@code --seal-first} seals what has settled before verifying; {@code --incremental}
 * starts at the last intact verification's head; {@code --head} checks the chain still
 * holds a head exported earlier.
 */
@Component
@ConditionalOnProperty(name = "schakel.command", havingValue = "verify-log")
class VerifyLogCommand implements ApplicationRunner {

	private final LogVerifier verifier;

	private final LogSealer sealer;

	private final ConfigurableApplicationContext context;

	VerifyLogCommand(LogVerifier verifier, LogSealer sealer, ConfigurableApplicationContext context) {
		this.verifier = verifier;
		this.sealer = sealer;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		int code = execute(args, System.out);
		System.exit(SpringApplication.exit(this.context, () -> code));
	}

	int execute(ApplicationArguments args, PrintStream out) {
		LogVerifier.ExportedHead head = null;
		List<String> heads = args.getOptionValues("head");
		if (heads != null && !heads.isEmpty()) {
			try {
				head = LogVerifier.ExportedHead.parse(heads.get(0));
			}
			catch (IllegalArgumentException ex) {
				out.println(ex.getMessage());
				return 2;
			}
		}
		if (args.containsOption("seal-first")) {
			this.sealer.sealSettled();
		}
		long from = 1;
		if (args.containsOption("incremental")) {
			var last = this.verifier.lastIntactHead();
			if (last.isPresent()) {
				from = last.get().number();
				if (head == null) {
					head = last.get();
				}
			}
		}
		VerificationReport report = this.verifier.verify(from, head,
				"command-line:" + System.getProperty("user.name", "unknown"));
		print(report, out);
		return report.intact() ? 0 : 1;
	}

	static void print(VerificationReport report, PrintStream out) {
		out.println(report.summary());
		for (String problem : report.problems()) {
			out.println("  " + problem);
		}
		for (RowDifference difference : report.differences()) {
			out.println("  block " + difference.block() + " seq " + difference.seq() + " " + difference.kind()
					+ ((difference.rowId() != null) ? " disclosure " + difference.rowId() : ""));
		}
		if (report.intact() && report.headHash() != null) {
			out.println("Head to export: " + report.toBlock() + ":" + report.headHash());
		}
	}

}
