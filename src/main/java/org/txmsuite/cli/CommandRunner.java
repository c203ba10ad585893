package org.txmsuite.cli;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleRunner;
import org.scijava.module.ModuleService;
import org.scijava.module.process.LoadInputsPreprocessor;
import org.scijava.module.process.ModulePreprocessor;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.module.process.SaveInputsPreprocessor;
import org.scijava.plugin.PluginService;
import org.scijava.service.Service;
import org.txmsuite.core.TxmException;
import org.txmsuite.io.CsvTables;
import org.txmsuite.io.ImageFiles;

/**
 * Finds TXM Suite commands and runs them from text arguments, for the headless launcher and the
 * ImageJ 1.x macro bridge. Values are converted and checked (type, choices, range, file existence)
 * before the command runs; remembered values from earlier runs are never used, so a call means the
 * same thing every time.
 */
public final class CommandRunner {
	/** The menu root every TXM Suite command lives under. */
	public static final String MENU_ROOT = "Plugins>TXM Suite>";

	/** Turns a text value into an image (a path for the launcher, an open image title for macros). */
	@FunctionalInterface
	public interface ImageResolver {
		ImagePlus resolve(String name, String value);
	}

	private final Context context;
	private final CommandService commands;

	public CommandRunner(Context context) {
		this.context = context;
		this.commands = context.service(CommandService.class);
	}

	/** Every TXM Suite command, by menu path. */
	public List<CommandInfo> commands() {
		List<CommandInfo> out = new ArrayList<>();
		for (CommandInfo c : commands.getCommands())
			if (c.getClassName().startsWith("org.txmsuite.") && menuPath(c).startsWith(MENU_ROOT)) out.add(c);
		out.sort(Comparator.comparing(CommandRunner::menuPath));
		return out;
	}

	/** The menu path as Fiji writes it in a plugin annotation, e.g. {@code Plugins>TXM Suite>EOS>Fit Equation of State}. */
	public static String menuPath(CommandInfo c) {
		if (c.getMenuPath() == null) return "";
		StringBuilder b = new StringBuilder();
		for (org.scijava.MenuEntry e : c.getMenuPath()) b.append(b.length() == 0 ? "" : ">").append(e.getName());
		return b.toString();
	}

	/** A command by title, menu label, or class name (full or simple), case-insensitive. */
	public CommandInfo find(String name) {
		String n = name.trim();
		for (CommandInfo c : commands()) {
			String cls = c.getClassName();
			if (n.equalsIgnoreCase(c.getTitle()) || n.equalsIgnoreCase(cls)
				|| n.equalsIgnoreCase(cls.substring(cls.lastIndexOf('.') + 1))) return c;
		}
		throw new TxmException("unknown command '" + name + "'; 'scripts/txm list' shows the commands");
	}

	/** The user-facing inputs of a command (services and the context left out). */
	public static List<ModuleItem<?>> userInputs(CommandInfo info) {
		List<ModuleItem<?>> out = new ArrayList<>();
		for (ModuleItem<?> item : info.inputs())
			if (!isInjected(item.getType())) out.add(item);
		return out;
	}

	static boolean isInjected(Class<?> type) {
		return Service.class.isAssignableFrom(type) || Context.class.isAssignableFrom(type);
	}

	/**
	 * Runs a command with text arguments; returns its outputs by name. Throws {@link TxmException}
	 * with a message naming the problem for bad arguments or a failed run.
	 */
	public Map<String, Object> run(CommandInfo info, Map<String, String> args, ImageResolver images) {
		Module module;
		try {
			module = context.service(ModuleService.class).createModule(info);
		}
		catch (RuntimeException e) {
			throw new TxmException("cannot create command '" + info.getTitle() + "': " + e.getMessage(), e);
		}
		Map<String, ModuleItem<?>> byName = new LinkedHashMap<>();
		for (ModuleItem<?> item : userInputs(info)) byName.put(item.getName().toLowerCase(Locale.ROOT), item);
		for (Map.Entry<String, String> a : args.entrySet()) {
			ModuleItem<?> item = byName.get(a.getKey().toLowerCase(Locale.ROOT));
			if (item == null)
				throw new TxmException("unknown parameter '" + a.getKey() + "' for command '" + info.getTitle()
					+ "'; its parameters are: " + String.join(", ", byName.keySet()));
			Object value = convert(info, item, a.getValue(), images);
			module.setInput(item.getName(), value);
			module.resolveInput(item.getName());
		}
		for (ModuleItem<?> item : byName.values()) {
			if (args.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(item.getName()))) continue;
			if (item.isRequired() && module.getInput(item.getName()) == null)
				throw new TxmException("command '" + info.getTitle() + "' needs parameter '" + item.getName() + "' ("
					+ typeHint(item) + ")");
		}
		List<PreprocessorPlugin> pre = new ArrayList<>();
		for (PreprocessorPlugin p : context.service(PluginService.class).createInstancesOfType(PreprocessorPlugin.class))
			if (!(p instanceof LoadInputsPreprocessor) && !(p instanceof SaveInputsPreprocessor)
				&& !p.getClass().getName().startsWith("org.scijava.ui.")
				&& !p.getClass().getName().startsWith("org.scijava.widget.")
				&& !p.getClass().getName().startsWith("org.scijava.display.")) pre.add(p);
		ModuleRunner runner = new ModuleRunner(context, module, pre, List.of());
		ModulePreprocessor stopper = runner.preProcess();
		if (stopper != null)
			throw new TxmException("command '" + info.getTitle() + "' cannot start: " + stopper.getCancelReason());
		Object delegate = module.getDelegateObject();
		try {
			// Run the command itself (not through the module runner, which logs every failure with a stack trace).
			if (delegate instanceof Runnable) ((Runnable) delegate).run();
			else module.run();
		}
		catch (RuntimeException e) {
			throw failure(info, e);
		}
		if (delegate instanceof Cancelable && ((Cancelable) delegate).isCanceled())
			throw new TxmException("command '" + info.getTitle() + "' stopped: " + ((Cancelable) delegate).getCancelReason());
		Map<String, Object> outputs = new LinkedHashMap<>();
		for (ModuleItem<?> item : info.outputs()) {
			Object v = module.getOutput(item.getName());
			if (v != null) outputs.put(item.getName(), v);
		}
		return outputs;
	}

	static TxmException failure(CommandInfo info, Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause())
			if (t instanceof TxmException) return new TxmException(info.getTitle() + ": " + t.getMessage(), e);
		Throwable root = e;
		while (root.getCause() != null) root = root.getCause();
		return new TxmException(info.getTitle() + " failed: " + root, e);
	}

	private static Object convert(CommandInfo info, ModuleItem<?> item, String text, ImageResolver images) {
		String name = item.getName();
		Class<?> type = item.getType();
		try {
			if (type == String.class) {
				List<?> choices = item.getChoices();
				if (choices != null && !choices.isEmpty()) {
					for (Object c : choices) if (c.toString().equalsIgnoreCase(text)) return c.toString();
					throw new TxmException("parameter '" + name + "' must be one of " + choices + ", got '" + text + "'");
				}
				return text;
			}
			if (type == int.class || type == Integer.class) return checkRange(item, Integer.valueOf(text.trim()));
			if (type == long.class || type == Long.class) return checkRange(item, Long.valueOf(text.trim()));
			if (type == double.class || type == Double.class) return checkRange(item, Double.valueOf(text.trim()));
			if (type == float.class || type == Float.class) return checkRange(item, Float.valueOf(text.trim()));
			if (type == boolean.class || type == Boolean.class) {
				if (text.equalsIgnoreCase("true")) return true;
				if (text.equalsIgnoreCase("false")) return false;
				throw new TxmException("parameter '" + name + "' expects true or false, got '" + text + "'");
			}
			if (type == File.class) {
				File f = new File(text);
				String style = item.getWidgetStyle() == null ? "" : item.getWidgetStyle().toLowerCase(Locale.ROOT);
				if (!style.contains("save") && !style.contains("directory") && !f.exists())
					throw new TxmException("parameter '" + name + "': file not found: " + text);
				return f;
			}
			if (ImagePlus.class.isAssignableFrom(type)) return images.resolve(name, text);
			if (ResultsTable.class.isAssignableFrom(type)) {
				if (!Files.isRegularFile(Path.of(text))) throw new TxmException("parameter '" + name + "': file not found: " + text);
				return CsvTables.read(Path.of(text));
			}
		}
		catch (NumberFormatException e) {
			throw new TxmException("parameter '" + name + "' expects " + typeHint(item) + ", got '" + text + "'");
		}
		throw new TxmException("parameter '" + name + "' of command '" + info.getTitle() + "' has type "
			+ type.getSimpleName() + ", which cannot be given as text");
	}

	private static <T extends Comparable<T>> T checkRange(ModuleItem<?> item, T v) {
		Object min = item.getMinimumValue(), max = item.getMaximumValue();
		if (min != null && ((Number) min).doubleValue() > ((Number) v).doubleValue())
			throw new TxmException("parameter '" + item.getName() + "' must be at least " + min + ", got " + v);
		if (max != null && ((Number) max).doubleValue() < ((Number) v).doubleValue())
			throw new TxmException("parameter '" + item.getName() + "' must be at most " + max + ", got " + v);
		return v;
	}

	/** A short description of what a parameter takes. */
	public static String typeHint(ModuleItem<?> item) {
		Class<?> t = item.getType();
		if (t == int.class || t == Integer.class || t == long.class || t == Long.class) return "an integer";
		if (t == double.class || t == Double.class || t == float.class || t == Float.class) return "a number";
		if (t == boolean.class || t == Boolean.class) return "true or false";
		if (ImagePlus.class.isAssignableFrom(t)) return "an image: a path to a TIFF or TXM data file";
		if (ResultsTable.class.isAssignableFrom(t)) return "a table: a path to a CSV file";
		if (t == File.class) return "a file path";
		List<?> choices = item.getChoices();
		if (choices != null && !choices.isEmpty()) return "one of " + choices;
		return "text";
	}

	/** Image resolver for the launcher: values are paths to image files. */
	public static ImagePlus openImagePath(String name, String value) {
		Path p = Path.of(value);
		if (!Files.isRegularFile(p)) throw new TxmException("parameter '" + name + "': file not found: " + value);
		return ImageFiles.open(p);
	}
}
