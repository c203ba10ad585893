package org.txmsuite.segment;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.core.Volume;
import org.txmsuite.recon.ReconOptions;
import org.txmsuite.recon.Reconstructor;
import org.txmsuite.sim.DacSample;
import org.txmsuite.sim.ScanSimulator;

/**
 * The Pt shell measured on a real reconstruction (no inverse crime: exact-chord projections with 3x3
 * supersampled pixels from {@code sim}, SART with the Joseph projector and non-negativity from
 * {@code recon}): a 1.6 um Pt-coated sphere with a 0.3 um shell (6 voxels) at 50 nm, 68 projections over
 * the two-post 135 degrees, Gaussian noise 0.5 % of the largest absorbance, 8 sweeps. On 54 such
 * reconstructions (docs/stages/segment.md) the rms volume error was 0.5 % and the reported (2-sigma)
 * uncertainty covered 53 of the 54 errors, so the error must lie within both 0.6 % and the uncertainty,
 * and the uncertainty must stay informative (below 2 %): the thin shell must not inflate it. A 0.3 um Au
 * bead (6 voxels) beside the shell must be listed as a bead within 10 % of its volume, and nothing else:
 * no artefact blob or streak fragment may be listed as a bead or ruby.
 */
class ReconstructedShellTest {
	@Test
	void sphereAndBeadFromMissingWedgeSart() {
		DacSample s = new DacSample(DacSample.Shape.SPHERE, 1.6, 0.3);
		double vox = 0.05, bead = 0.3;
		org.txmsuite.sim.Phantom3D ph = s.phantom().add("bead", new org.txmsuite.sim.Sphere(1.0, 1.0, 0.3, bead / 2), org.txmsuite.sim.Materials.AU);
		int n = 2 * ((int) Math.ceil((Math.sqrt(2) + bead / 2) / vox) + 3);
		double[] angles = ScanSimulator.angles(-67.5, 66.5, 68);
		FrameStack p = new ScanSimulator(ph).detector(n, n, vox).jitter(0, 11).projections(angles, 0.005);
		Volume v = Reconstructor.reconstruct(p, angles, new ReconOptions().algorithm(ReconOptions.Algorithm.SART).iterations(8).nonnegative(true),
			Progress.NONE).volume;
		ShellOptions o = new ShellOptions();
		o.voxelSizeNm = vox * 1000;
		ShellResult r = PtShellSegmenter.measure(v, o, Progress.NONE);
		double tv = s.interiorVolumeUm3(), err = r.interiorVolumeUm3 - tv;
		assertEquals(tv, r.interiorVolumeUm3, 0.006 * tv, "volume");
		assertTrue(Math.abs(err) <= r.uncertaintyUm3, "error " + err + " not covered by " + r.uncertaintyUm3);
		assertTrue(r.uncertaintyUm3 < 0.02 * tv, "uncertainty " + r.uncertaintyUm3 + " of " + tv + " is not informative");
		assertEquals(2, r.objects.size(), "the bead and no artefact blob: " + r.objects);
		assertEquals("bead", r.object(3).name);
		double vb = Math.PI / 6 * bead * bead * bead;
		assertEquals(vb, r.object(3).volumeUm3, 0.1 * vb, "bead volume");
	}
}
