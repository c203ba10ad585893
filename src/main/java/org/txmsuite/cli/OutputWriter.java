package org.txmsuite.cli;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.txmsuite.core.MetadataCodec;
import org.txmsuite.io.AtomicFiles;
import org.txmsuite.io.CsvTables;
import org.txmsuite.io.TiffIO;

/**
 * Writes a command's outputs into a folder as {@code <output name>.<ext>}: images as ImageJ TIFF
 * (RGB images, i.e. plots and rendered maps, as PNG), tables as CSV, plots as PNG, text and scalars
 * as TXT. All outputs are first written under temporary names and moved into place only when every
 * one succeeded, so a failed run leaves nothing behind.
 */
public final class OutputWriter {
	private OutputWriter() {}

	/** File name extension used for an output value. */
	public static String extension(Object value) {
		if (value instanceof ImagePlus) return ((ImagePlus) value).getType() == ImagePlus.COLOR_RGB ? ".png" : ".tif";
		if (value instanceof ResultsTable) return ".csv";
		if (value instanceof Plot || value instanceof BufferedImage) return ".png";
		return ".txt";
	}

	/** True for numbers, booleans and short text: values printed as {@code name = value}. */
	public static boolean isScalar(Object value) {
		return value instanceof Number || value instanceof Boolean
			|| (value instanceof String && ((String) value).indexOf('\n') < 0 && ((String) value).length() < 200);
	}

	public static String scalarText(Object value) {
		if (value instanceof Double || value instanceof Float) return MetadataCodec.num(((Number) value).doubleValue());
		return String.valueOf(value);
	}

	/** Writes all outputs; returns the files written, by output name. */
	public static Map<String, Path> writeAll(Map<String, Object> outputs, Path dir) throws IOException {
		Files.createDirectories(dir);
		Map<String, Path> targets = new LinkedHashMap<>();
		Map<Path, Path> temps = new LinkedHashMap<>();
		List<Path> written = new ArrayList<>();
		try {
			for (Map.Entry<String, Object> e : outputs.entrySet()) {
				Path target = dir.resolve(e.getKey() + extension(e.getValue()));
				Path tmp = AtomicFiles.temporaryFor(target);
				write(e.getValue(), tmp);
				written.add(tmp);
				temps.put(tmp, target);
				targets.put(e.getKey(), target);
			}
			for (Map.Entry<Path, Path> t : temps.entrySet()) AtomicFiles.move(t.getKey(), t.getValue());
			return targets;
		}
		catch (IOException | RuntimeException ex) {
			for (Path p : written) Files.deleteIfExists(p);
			throw ex;
		}
	}

	private static void write(Object value, Path tmp) throws IOException {
		if (value instanceof ImagePlus) {
			ImagePlus imp = (ImagePlus) value;
			if (imp.getType() == ImagePlus.COLOR_RGB) png(imp.getBufferedImage(), tmp);
			else writeTiff(imp, tmp);
		}
		else if (value instanceof ResultsTable) writeCsv((ResultsTable) value, tmp);
		else if (value instanceof Plot) png(((Plot) value).getImagePlus().getBufferedImage(), tmp);
		else if (value instanceof BufferedImage) png((BufferedImage) value, tmp);
		else {
			String text = isScalar(value) ? scalarText(value) : String.valueOf(value);
			Files.write(tmp, (text.endsWith("\n") ? text : text + "\n").getBytes(StandardCharsets.UTF_8));
		}
	}

	private static void writeTiff(ImagePlus imp, Path tmp) throws IOException {
		// TiffIO writes atomically itself: give it the temporary name and let the caller move it.
		Path inner = tmp.resolveSibling(tmp.getFileName() + ".tif");
		TiffIO.save(imp, inner);
		Files.move(inner, tmp);
	}

	private static void writeCsv(ResultsTable t, Path tmp) throws IOException {
		Path inner = tmp.resolveSibling(tmp.getFileName() + ".csv");
		CsvTables.write(t, inner);
		Files.move(inner, tmp);
	}

	private static void png(BufferedImage img, Path tmp) throws IOException {
		if (!ImageIO.write(img, "png", tmp.toFile())) throw new IOException("no PNG writer for " + tmp);
	}
}
