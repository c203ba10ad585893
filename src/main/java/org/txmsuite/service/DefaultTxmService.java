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
			t.addValue("wedge_fraction", o.wedgeSurfaceFraction);
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

	// --- normalize ---

	@Override
	public org.txmsuite.normalize.NormalizeResult normalize(FrameStack input, FrameStack flats, FrameStack darks,
		org.txmsuite.normalize.NormalizeOptions options, Progress progress) {
		return org.txmsuite.normalize.ReferenceNormalizer.normalize(input, flats, darks, options, progress);
	}

	// --- xanes ---

	@Override
	public org.txmsuite.xanes.XanesData xanesData(ImagePlus input, java.io.File spectra) {
		return org.txmsuite.xanes.XanesData.either(input == null ? null : spectral(input),
			spectra == null ? null : org.txmsuite.xanes.SpectrumFiles.read(spectra.toPath()));
	}

	@Override
	public java.util.List<org.txmsuite.xanes.SpectrumTable> xanesReferences(String paths) {
		java.util.List<org.txmsuite.xanes.SpectrumTable> out = new java.util.ArrayList<>();
		if (paths != null)
			for (String p : paths.split(","))
				if (!p.isBlank()) out.add(org.txmsuite.xanes.SpectrumFiles.read(java.nio.file.Path.of(p.trim())));
		if (out.isEmpty())
			throw new org.txmsuite.core.TxmException("no reference spectra given: expected 'references' as comma-separated file paths");
		return out;
	}

	@Override
	public Object xanesOutput(org.txmsuite.xanes.XanesResult result, String name) {
		Object v = result.get(name);
		return v instanceof SpectralStack ? image((SpectralStack) v, name) : v;
	}

	// --- align ---

	@Override
	public double[] angles(String spec, FrameStack stack) {
		return org.txmsuite.recon.AngleSpec.resolve(spec, stack);
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
	public org.txmsuite.align.SpectralAligner.Result alignSpectral(FrameStack stack, int reference, org.txmsuite.align.SpectralAligner.ScaleModel scale,
		Progress p)
	{
		return org.txmsuite.align.SpectralAligner.align(stack, reference, scale, p);
	}

	// --- io ---

	@Override
	public FrameStack importData(java.nio.file.Path path, int binning, boolean averageRepeats, boolean includeReference,
		Progress progress)
	{
		return org.txmsuite.io.TxmImport.open(path, new org.txmsuite.io.TxmImport.Options().bin(binning)
			.averageRepeats(averageRepeats).includeReference(includeReference), progress);
	}

	@Override
	public ImagePlus openVirtual(java.nio.file.Path path, int binning) {
		return org.txmsuite.io.XradiaVirtualStack.open(path, binning);
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
