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

	// --- align ---

	@Override
	public double[] angles(String spec, FrameStack stack) {
		return org.txmsuite.align.AngleList.parse(spec, stack.size(), stack.anglesDeg());
	}

	@Override
	public org.txmsuite.align.AlignResult alignProjections(FrameStack absorbance, double[] anglesDeg, org.txmsuite.align.AlignOptions options,
		Progress p)
	{
		return org.txmsuite.align.ProjectionAligner.align(absorbance, anglesDeg, options, p);
	}

	@Override
	public org.txmsuite.align.CenterFinder.Result findCenter(FrameStack absorbance, double[] anglesDeg, double rangePx, int rows, Progress p) {
		return org.txmsuite.align.CenterFinder.find(absorbance, anglesDeg, rangePx, rows, p);
	}

	@Override
	public org.txmsuite.align.SpectralAligner.Result alignSpectral(FrameStack stack, int reference, boolean scale, Progress p) {
		return org.txmsuite.align.SpectralAligner.align(stack, reference, scale, p);
	}
}
