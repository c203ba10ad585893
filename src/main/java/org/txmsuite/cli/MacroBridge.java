package org.txmsuite.cli;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.Menus;
import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.plugin.PlugIn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;
import org.txmsuite.core.TxmException;
import org.txmsuite.io.ImageFiles;

/**
 * Lets plain ImageJ 1.x macros call TXM Suite commands: {@code run("Reconstruct Tomogram",
 * "input=[proj.tif] iterations=5")}. {@link #install(Context)} puts every command's title into IJ1's
 * command table, pointing at this plug-in. Keys are the commands' parameter names; an image
 * parameter takes an open image's title or a path, and defaults to the current image; a boolean
 * parameter written alone (as the recorder writes a ticked checkbox) is true. Image outputs
 * are shown (in batch mode they become the current image), table outputs become tables named after
 * the output (headless, where IJ1 keeps no table windows, the first table output becomes the Results
 * table). Inside Fiji, imagej-legacy registers the commands itself and this bridge stands aside.
 */
public class MacroBridge implements PlugIn {
	private static Context context;

	/** Registers every TXM command with IJ1's command table. Returns false inside Fiji (stands aside). */
	public static synchronized boolean install(Context ctx) {
		if (LegacyBootstrap.isImageJLegacyPresent()) return false;
		context = ctx;
		Hashtable<String, String> table = Menus.getCommands();
		if (table == null) {
			IJ.run("Close All"); // builds the command table (headless-safe after LegacyBootstrap.preinit)
			table = Menus.getCommands();
			if (table == null) throw new IllegalStateException("ImageJ 1.x command table unavailable");
		}
		for (CommandInfo c : new CommandRunner(ctx).commands())
			table.put(c.getTitle(), MacroBridge.class.getName() + "(\"" + c.getClassName() + "\")");
		return true;
	}

	@Override
	public void run(String className) {
		if (context == null) {
			IJ.error("TXM Suite", "TXM Suite macro bridge not installed");
			return;
		}
		CommandRunner runner = new CommandRunner(context);
		CommandInfo info = runner.find(className);
		String options = Macro.getOptions();
		Map<String, String> args = new LinkedHashMap<>();
		for (ModuleItem<?> item : CommandRunner.userInputs(info)) {
			String v = options == null ? null : Macro.getValue(options, item.getName(), null);
			if (v == null && options != null && isBoolean(item) && hasBareKey(options, item.getName())) v = "true";
			if (v != null) args.put(item.getName(), v);
			else if (item.isRequired() && ImagePlus.class.isAssignableFrom(item.getType())
				&& WindowManager.getCurrentImage() != null) args.put(item.getName(), "");
		}
		try {
			Map<String, Object> outputs = runner.run(info, args, MacroBridge::resolveImage);
			boolean resultsSet = false;
			for (Map.Entry<String, Object> e : outputs.entrySet()) resultsSet |= show(e.getKey(), e.getValue(), resultsSet);
		}
		catch (TxmException e) {
			IJ.error("TXM Suite", e.getMessage());
			Macro.abort();
			throw new RuntimeException(Macro.MACRO_CANCELED);
		}
	}

	private static boolean isBoolean(ModuleItem<?> item) {
		return item.getType() == boolean.class || item.getType() == Boolean.class;
	}

	/** A key written alone, the way the macro recorder writes a ticked checkbox ({@code "... momentum ..."}). */
	static boolean hasBareKey(String options, String key) {
		for (String word : options.replaceAll("\\[[^\\]]*\\]", "[]").trim().split("\\s+")) // not inside [a value]
			if (word.equals(key)) return true;
		return false;
	}

	private static ImagePlus resolveImage(String name, String value) {
		if (value.isEmpty()) {
			ImagePlus cur = WindowManager.getCurrentImage();
			if (cur == null) throw new TxmException("parameter '" + name + "': no image is open");
			return cur;
		}
		ImagePlus byTitle = WindowManager.getImage(value);
		if (byTitle != null) return byTitle;
		if (Files.exists(Path.of(value))) return ImageFiles.open(Path.of(value));
		throw new TxmException("parameter '" + name + "': no open image titled '" + value + "' and no such file");
	}

	/** Shows one output; returns true if it became the Results table. */
	private static boolean show(String name, Object value, boolean resultsSet) {
		if (value instanceof ImagePlus) {
			ImagePlus imp = (ImagePlus) value;
			if (imp.getTitle() == null || imp.getTitle().isEmpty() || imp.getTitle().startsWith("Untitled")) imp.setTitle(name);
			imp.show();
		}
		else if (value instanceof ResultsTable) {
			ResultsTable t = (ResultsTable) value;
			if (java.awt.GraphicsEnvironment.isHeadless()) {
				// Headless ImageJ 1.x keeps no table windows: the first table output becomes the Results
				// table (nResults, getResult); commands declare their main table first.
				if (!resultsSet) ij.plugin.filter.Analyzer.setResultsTable(t);
				return true;
			}
			t.show(name);
		}
		else if (OutputWriter.isScalar(value)) {
			IJ.log(name + " = " + OutputWriter.scalarText(value));
		}
		return false;
	}
}
