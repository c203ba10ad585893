package org.txmsuite.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.event.EventService;
import org.scijava.module.ModuleItem;
import org.txmsuite.core.TxmException;

/**
 * The headless launcher behind {@code scripts/txm}: {@code list}, {@code run "<Command>" 'k=v,...'
 * [--out DIR]} (Fiji's {@code --headless --run} conventions) and {@code demo [--out DIR] [--quick]}.
 * Exit status: 0 success, 1 the command failed, 2 bad usage or arguments.
 */
public final class TxmCli {
	/** Input name of commands that write files into a folder; the launcher fills it with --out. */
	static final String OUTPUT_FOLDER = "output_folder";

	private final PrintStream out, err;

	public TxmCli(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public static void main(String[] args) {
		LegacyBootstrap.preinit();
		int code = new TxmCli(System.out, System.err).execute(args);
		System.out.flush();
		System.exit(code);
	}

	/** Runs the launcher; returns the exit status. */
	public int execute(String[] args) {
		if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
			usage(out);
			return args.length == 0 ? 2 : 0;
		}
		List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
		Path outDir = Path.of(".");
		boolean quick = false;
		for (int i = 0; i < rest.size(); i++) {
			if (rest.get(i).equals("--out")) {
				if (i + 1 >= rest.size()) return usageError("--out needs a folder");
				outDir = Path.of(rest.get(i + 1));
				rest.remove(i + 1);
				rest.remove(i--);
			}
			else if (rest.get(i).equals("--quick")) {
				quick = true;
				rest.remove(i--);
			}
		}
		try (Context context = new Context()) {
			switch (args[0]) {
				case "list":
					list(new CommandRunner(context));
					return 0;
				case "run":
					if (rest.isEmpty()) return usageError("run needs a command title");
					if (rest.size() > 2) return usageError("run takes a command title and one argument string, got " + rest);
					return run(context, rest.get(0), rest.size() > 1 ? rest.get(1) : "", outDir);
				case "demo":
					return Demo.run(context, outDir, quick, out, err);
				default:
					return usageError("unknown action '" + args[0] + "'");
			}
		}
	}

	private int run(Context context, String title, String argText, Path outDir) {
		CommandRunner runner = new CommandRunner(context);
		CommandInfo info;
		Map<String, String> args;
		try {
			info = runner.find(title);
			args = ArgParser.parse(argText);
			// commands that write many files themselves take the --out folder as their output_folder
			if (info.getInput(OUTPUT_FOLDER) != null && args.keySet().stream().noneMatch(OUTPUT_FOLDER::equalsIgnoreCase))
				args.put(OUTPUT_FOLDER, outDir.toString());
		}
		catch (TxmException e) {
			err.println("txm: " + e.getMessage());
			return 2;
		}
		TerminalProgress bar = new TerminalProgress(err);
		context.service(EventService.class).subscribe(bar);
		try {
			Map<String, Object> outputs = runner.run(info, args, CommandRunner::openImagePath);
			bar.finish();
			Map<String, Path> files = OutputWriter.writeAll(outputs, outDir);
			for (Map.Entry<String, Object> e : outputs.entrySet())
				if (OutputWriter.isScalar(e.getValue())) out.println(e.getKey() + " = " + OutputWriter.scalarText(e.getValue()));
			for (Path p : files.values()) err.println("wrote " + p);
			return 0;
		}
		catch (TxmException e) {
			bar.finish();
			err.println("txm: " + e.getMessage());
			return e.getMessage().contains("parameter") && !e.getMessage().contains(" failed") ? 2 : 1;
		}
		catch (Exception e) {
			bar.finish();
			err.println("txm: " + info.getTitle() + " failed: " + e);
			return 1;
		}
	}

	private void list(CommandRunner runner) {
		for (CommandInfo c : runner.commands()) {
			out.println(c.getTitle() + "    [" + CommandRunner.menuPath(c) + "]");
			for (ModuleItem<?> item : CommandRunner.userInputs(c)) {
				StringBuilder b = new StringBuilder("    ").append(item.getName()).append(" : ").append(item.getType().getSimpleName());
				Object def = defaultOf(c, item);
				if (def != null) b.append(" = ").append(def);
				if (item.getChoices() != null && !item.getChoices().isEmpty()) b.append("  choices ").append(item.getChoices());
				if (!item.isRequired()) b.append("  (optional)");
				out.println(b);
			}
			List<String> outs = new ArrayList<>();
			for (ModuleItem<?> item : c.outputs()) outs.add(item.getName());
			if (!outs.isEmpty()) out.println("    -> " + String.join(", ", outs));
		}
	}

	private static Object defaultOf(CommandInfo c, ModuleItem<?> item) {
		try {
			Object command = c.loadClass().getDeclaredConstructor().newInstance();
			java.lang.reflect.Field f = findField(command.getClass(), item.getName());
			if (f == null) return null;
			f.setAccessible(true);
			return f.get(command);
		}
		catch (ReflectiveOperationException | org.scijava.InstantiableException | RuntimeException e) {
			return null;
		}
	}

	private static java.lang.reflect.Field findField(Class<?> c, String name) {
		for (; c != null; c = c.getSuperclass())
			try {
				return c.getDeclaredField(name);
			}
			catch (NoSuchFieldException e) {
				// look in the superclass
			}
		return null;
	}

	private int usageError(String msg) {
		err.println("txm: " + msg);
		usage(err);
		return 2;
	}

	private static void usage(PrintStream s) {
		s.println("usage: scripts/txm list");
		s.println("       scripts/txm run \"<Command Title>\" 'key=value,key2=\"text\",...' [--out DIR]");
		s.println("       scripts/txm demo [--out DIR] [--quick]");
	}
}
