package org.txmsuite.stage;

import java.nio.file.Path;
import java.util.Locale;

import org.txmsuite.acquire.MacroParser;
import org.txmsuite.acquire.MacroScript;
import org.txmsuite.core.Progress;
import org.txmsuite.core.TxmException;

/** Entry points for the commands: run a macro file against the embedded simulator or a CA prefix. */
public final class Scans {
	/** Instrument name that means "the embedded simulator". */
	public static final String SIMULATOR = "simulator";

	private Scans() {}

	/**
	 * Runs (or resumes) a macro file. {@code instrument} is {@link #SIMULATOR} (an embedded simulator on
	 * a free loopback port, {@code sim} its settings) or a Channel Access PV prefix served on
	 * 127.0.0.1:{@code port}.
	 */
	public static ScanRunner.Result run(Path macro, String instrument, int port, Path outDir, boolean tiffOnly, InstrumentSimulator.Config sim,
		ScanControl control, Progress progress) {
		MacroScript script = MacroParser.parse(macro);
		if (script.commands().isEmpty()) throw new TxmException("macro " + macro + " has no instructions");
		String target = instrument == null ? "" : instrument.trim();
		if (target.isEmpty()) throw new TxmException("instrument is empty; expected 'simulator' or a Channel Access PV prefix such as 'TXM:'");
		FrameFiles files = new FrameFiles(tiffOnly);
		if (target.toLowerCase(Locale.ROOT).equals(SIMULATOR)) {
			try (InstrumentSimulator s = InstrumentSimulator.start(sim); CaInstrument ca = new CaInstrument(s.prefix(), s.port(), 10)) {
				return new ScanRunner(ca, files).pixelSizeNm(s.pixelUm() * 1000).waitScale(1 / sim.speed).control(control)
					.run(script.commands(), outDir, progress);
			}
		}
		if (port < 1 || port > 65535) throw new TxmException("port must be 1..65535, got " + port);
		try (CaInstrument ca = new CaInstrument(target, port, 10)) {
			return new ScanRunner(ca, files).control(control).run(script.commands(), outDir, progress);
		}
	}
}
