package org.txmsuite.acquire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.txmsuite.core.TxmException;
import org.txmsuite.io.AtomicFiles;

/** A generated scan: the plan, its instructions, the frames they collect (in order), and the estimate. */
public final class ScanProgram {
	private final ScanPlan plan;
	private final List<MacroCommand> commands;
	private final List<FrameName> frames;
	private final List<String> header;
	private final ScanEstimate estimate;

	ScanProgram(ScanPlan plan, List<MacroCommand> commands, List<FrameName> frames, List<String> header, ScanEstimate estimate) {
		this.plan = plan;
		this.commands = Collections.unmodifiableList(commands);
		this.frames = Collections.unmodifiableList(frames);
		this.header = Collections.unmodifiableList(header);
		this.estimate = estimate;
	}

	public ScanPlan plan() {
		return plan;
	}

	public List<MacroCommand> commands() {
		return commands;
	}

	/** Every collected frame, in collection order. */
	public List<FrameName> frames() {
		return frames;
	}

	/** Comment lines describing the plan (without the leading {@code ;;}). */
	public List<String> header() {
		return header;
	}

	public ScanEstimate estimate() {
		return estimate;
	}

	/** The macro text (see {@link MacroWriter}). */
	public String macroText() {
		return MacroWriter.write(this);
	}

	/** The TXM-Wizard ScanInfo text (see {@link ScanInfoWriter}). */
	public String scanInfoText() {
		return ScanInfoWriter.write(this);
	}

	/**
	 * Saves the macro as {@code <sample>_macro.txt} and the scan description as
	 * {@code ScanInfo_<sample>.txt} in {@code dir} (each written atomically); returns the macro path.
	 */
	public Path save(Path dir) {
		String sample = FrameNames.checkSampleName(plan.sampleName);
		Path macro = dir.resolve(sample + "_macro.txt"), info = dir.resolve("ScanInfo_" + sample + ".txt");
		try {
			String m = macroText(), i = scanInfoText();
			AtomicFiles.write(macro, tmp -> Files.write(tmp, m.getBytes(StandardCharsets.US_ASCII)));
			AtomicFiles.write(info, tmp -> Files.write(tmp, i.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (IOException e) {
			throw new TxmException("cannot write the scan macro to " + dir + ": " + e.getMessage(), e);
		}
		return macro;
	}
}
