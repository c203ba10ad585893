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

	// --- acquire ---

	@Override
	public org.txmsuite.acquire.ScanProgram buildScanMacro(org.txmsuite.acquire.ScanPlan plan, Progress progress) {
		return org.txmsuite.acquire.ScanGenerator.generate(plan, progress);
	}

	@Override
	public org.txmsuite.acquire.ScanEstimate checkScanMacro(java.nio.file.Path macro, org.txmsuite.acquire.TimingModel timing) {
		org.txmsuite.acquire.MacroScript script = org.txmsuite.acquire.MacroParser.parse(macro);
		return org.txmsuite.acquire.ScanEstimate.of(script.commands(), script.lines(), timing);
	}

	// --- segment ---

	@Override
	public org.txmsuite.segment.ShellResult measurePtShell(Volume volume, org.txmsuite.segment.ShellOptions options, Progress progress) {
		return org.txmsuite.segment.PtShellSegmenter.measure(volume, options, progress);
	}

	@Override
	public org.txmsuite.segment.SampleResult measureSample(Volume volume, org.txmsuite.segment.SampleOptions options, Progress progress) {
		return org.txmsuite.segment.SampleSegmenter.measure(volume, options, progress);
	}

	@Override
	public java.util.Map<String, Object> segmentationOutputs(org.txmsuite.segment.SegmentResult r) {
		ij.ImageStack st = new ij.ImageStack(r.width, r.height);
		for (int z = 0; z < r.labels.length; z++) st.addSlice("z=" + z, new ij.process.ByteProcessor(r.width, r.height, r.labels[z]));
		ImagePlus labels = new ImagePlus("labels", st);
		ij.measure.Calibration c = labels.getCalibration();
		c.setUnit("nm");
		c.pixelWidth = r.voxelXNm;
		c.pixelHeight = r.voxelYNm;
		c.pixelDepth = r.voxelZNm;
		labels.setProperty("Info", "labels: 0 outside/medium, 1 Pt shell or excluded (gasket), 2 interior or sample, 3+ other objects\n");
		ij.measure.ResultsTable t = new ij.measure.ResultsTable();
		for (org.txmsuite.segment.MeasuredObject o : r.objects) {
			t.incrementCounter();
			t.addValue("label", o.label);
			t.addValue("voxels", o.voxels);
			t.addValue("volume_um3", o.volumeUm3);
			t.addValue("surface_um2", o.surfaceUm2);
			t.addValue("uncertainty_um3", o.uncertaintyUm3);
			t.addValue("name", o.name);
			t.addValue("count_volume_um3", o.countVolumeUm3);
		}
		ImagePlus view = new ImagePlus("view", new ij.process.ColorProcessor(r.viewWidth, r.viewHeight, r.view.clone()));
		java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
		out.put("labels", labels);
		out.put("volumes", t);
		out.put("view", view);
		return out;
	}

	// --- eos ---

	@Override
	public org.txmsuite.eos.EosData eosData(ij.measure.ResultsTable table, String volumeUnit) {
		return org.txmsuite.eos.EosData.fromTable(table, volumeUnit);
	}

	@Override
	public org.txmsuite.eos.EosReport fitEos(org.txmsuite.eos.EosData data, org.txmsuite.eos.EosOptions options, Progress progress) {
		return new org.txmsuite.eos.EosReport(org.txmsuite.eos.EosFitter.fit(data, options, progress));
	}

	@Override
	public org.txmsuite.eos.EosSegments fitEosSegments(org.txmsuite.eos.EosData data, org.txmsuite.eos.EosOptions options,
		double[][] ranges, Progress progress)
	{
		return org.txmsuite.eos.EosSegments.fit(data, options, ranges, progress);
	}

	// --- recon ---

	@Override
	public Volume reconstruct(ImagePlus projections, String angles, org.txmsuite.recon.ReconOptions options, Progress progress,
		java.util.List<Double> residuals) {
		FrameStack s = frames(projections);
		if (!org.txmsuite.core.MetadataCodec.hasMetadata(projections.getInfoProperty()))
			s.state(org.txmsuite.core.DataState.ABSORBANCE);
		double[] a = org.txmsuite.recon.AngleSpec.resolve(angles, s);
		org.txmsuite.recon.Reconstructor.Result r = org.txmsuite.recon.Reconstructor.reconstruct(s, a, options, progress);
		if (residuals != null) for (double v : r.residuals) residuals.add(v);
		return r.volume;
	}
}
