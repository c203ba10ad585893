package org.txmsuite.stage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.TxmException;
import org.txmsuite.io.TiffIO;
import org.txmsuite.io.XradiaReader;
import org.txmsuite.io.XradiaWriter;

/**
 * Where and how a collected frame is saved, chosen by the name the macro gives: {@code .xrm} as an
 * Xradia file (raw uint16 counts, metadata in the file), {@code .tif}/{@code .tiff} as an ImageJ TIFF
 * (metadata in the slice label and Info block). With {@code tiffOnly}, {@code .xrm} names are saved as
 * TIFF under the same name with {@code .tif}. Every file is written atomically: it appears complete or
 * not at all.
 */
public final class FrameFiles {
	private final boolean tiffOnly;

	public FrameFiles(boolean tiffOnly) {
		this.tiffOnly = tiffOnly;
	}

	/** The file name actually written for a macro's collect name; throws for an unknown extension. */
	public String fileName(String macroName, int line) {
		String n = macroName.trim();
		if (n.isEmpty() || n.contains("/") || n.contains("\\") || n.startsWith("."))
			throw new TxmException("line " + line + ": collect file name '" + macroName + "' must be a plain file name (no folders, not hidden)");
		String lower = n.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".xrm")) return tiffOnly ? n.substring(0, n.length() - 4) + ".tif" : n;
		if (lower.endsWith(".tif") || lower.endsWith(".tiff")) return n;
		throw new TxmException("line " + line + ": collect file '" + macroName + "' must end in .xrm, .tif or .tiff");
	}

	/** Saves one frame (raw counts) with its metadata, atomically. */
	public void write(Path file, Instrument.Frame f, FrameInfo info, double pixelSizeNm) {
		String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (lower.endsWith(".xrm")) {
			XradiaWriter.writeXrm(file, f.counts, f.width, f.height, info, pixelSizeNm);
			return;
		}
		FrameStack s = new FrameStack(f.width, f.height).pixelSizeNm(pixelSizeNm).source("stage").add(f.toFloat(), info);
		try {
			TiffIO.save(s, file);
		}
		catch (IOException e) {
			throw new TxmException("cannot write frame " + file + ": " + e.getMessage(), e);
		}
	}

	/** Reads a saved frame back (pixels and metadata). */
	public static FrameStack read(Path file) {
		return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xrm") ? XradiaReader.read(file) : TiffIO.openFrames(file);
	}
}
