package org.txmsuite.service;

import ij.ImagePlus;

import java.util.function.BooleanSupplier;

import org.scijava.app.StatusService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.Service;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.ImageJ1Views;
import org.txmsuite.core.Progress;
import org.txmsuite.core.SpectralStack;
import org.txmsuite.core.Volume;

/** Default {@link TxmService}: delegates to the stage libraries. */
@Plugin(type = Service.class)
public class DefaultTxmService extends AbstractService implements TxmService {

	@Parameter(required = false)
	private StatusService status;

	@Override
	public FrameStack frames(ImagePlus imp) {
		return ImageJ1Views.toFrameStack(imp);
	}

	@Override
	public ImagePlus image(FrameStack frames, String title) {
		return ImageJ1Views.toImagePlus(frames, title);
	}

	@Override
	public Volume volume(ImagePlus imp) {
		return ImageJ1Views.toVolume(imp);
	}

	@Override
	public ImagePlus image(Volume volume, String title) {
		return ImageJ1Views.toImagePlus(volume, title);
	}

	@Override
	public SpectralStack spectral(ImagePlus imp) {
		return ImageJ1Views.toSpectralStack(imp);
	}

	@Override
	public ImagePlus image(SpectralStack spectral, String title) {
		return ImageJ1Views.toImagePlus(spectral, title);
	}

	@Override
	public Progress progress(String task, BooleanSupplier cancelled) {
		return new StatusProgress(status, task, cancelled);
	}

	// --- stage ---

	private final java.util.List<org.txmsuite.stage.InstrumentSimulator> simulators = new java.util.concurrent.CopyOnWriteArrayList<>();

	@Override
	public org.txmsuite.stage.InstrumentSimulator startSimulator(org.txmsuite.stage.InstrumentSimulator.Config config) {
		org.txmsuite.stage.InstrumentSimulator s = org.txmsuite.stage.InstrumentSimulator.start(config);
		simulators.add(s);
		return s;
	}

	@Override
	public org.txmsuite.stage.ScanRunner.Result runScanMacro(java.nio.file.Path macro, String instrument, int port, java.nio.file.Path outDir,
		boolean tiffOnly, org.txmsuite.stage.InstrumentSimulator.Config simulator, Progress progress) {
		return org.txmsuite.stage.Scans.run(macro, instrument, port, outDir, tiffOnly, simulator, new org.txmsuite.stage.ScanControl(), progress);
	}

	@Override
	public void dispose() {
		for (org.txmsuite.stage.InstrumentSimulator s : simulators) s.close();
		simulators.clear();
		super.dispose();
	}
}
