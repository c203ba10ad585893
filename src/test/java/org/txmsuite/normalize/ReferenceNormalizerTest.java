package org.txmsuite.normalize;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.txmsuite.core.DataState;
import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameKind;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.core.TxmException;
import org.txmsuite.normalize.NormalizeOptions.Output;
import org.txmsuite.normalize.NormalizeOptions.ReferenceMode;

/** Accuracy against known line integrals on drifting, noisy simulated scans; robustness rules. */
class ReferenceNormalizerTest {

	static NormalizeResult run(FrameStack s, NormalizeOptions o) {
		return ReferenceNormalizer.normalize(s, null, null, o, Progress.NONE);
	}

	/** {mean error, RMS error} of the result against the scan's true absorbance. */
	static double[] error(NormalizeResult r, DriftScan scan) {
		double sum = 0, sq = 0;
		long n = 0;
		assertEquals(scan.truth.length, r.frames().size());
		for (int k = 0; k < scan.truth.length; k++) {
			float[] a = r.frames().pixels(k);
			for (int i = 0; i < a.length; i++) {
				double e = a[i] - scan.truth[k][i];
				sum += e;
				sq += e * e;
				n++;
			}
		}
		return new double[] { sum / n, Math.sqrt(sq / n) };
	}

	@Test
	void linearInterpolationRecoversLineIntegralsWithinPoissonNoise() {
		DriftScan scan = new DriftScan();
		FrameStack s = scan.build();
		NormalizeResult r = run(s, new NormalizeOptions());
		double[] e = error(r, scan);
		double predicted = Math.sqrt(scan.predictedMse());
		// the flat drifts linearly in time, so interpolation leaves only the Poisson noise (first-order
		// prediction; 10 % margin for second-order terms and the dark estimate shared by sample and reference)
		assertEquals(1.0, e[1] / predicted, 0.10, "RMSE " + e[1] + " vs predicted noise " + predicted);
		// bias: -ln of a noisy ratio is biased by about var/2 (~1e-4 here); far below the noise
		assertEquals(0, e[0], 0.1 * predicted, "mean error");
		assertEquals(DataState.ABSORBANCE, r.frames().state());
		assertEquals(0, r.badPixels());
		assertEquals(5, r.referenceBlocks());
		assertTrue(r.exposureCorrected());
	}

	@Test
	void timeInterpolationBeatsAverageReferenceOnDriftingBeam() {
		DriftScan scan = new DriftScan();
		FrameStack s = scan.build();
		double linear = error(run(s, new NormalizeOptions().mode(ReferenceMode.LINEAR)), scan)[1];
		double nearest = error(run(s, new NormalizeOptions().mode(ReferenceMode.NEAREST)), scan)[1];
		double mean = error(run(s, new NormalizeOptions().mode(ReferenceMode.MEAN)), scan)[1];
		double median = error(run(s, new NormalizeOptions().mode(ReferenceMode.MEDIAN)), scan)[1];
		// the stripes move by a third of their period and the beam loses 20 % over the scan: one average
		// reference is wrong by up to ~0.2 in absorbance, the bracketing references by noise only
		assertTrue(linear < 0.25 * mean, "linear " + linear + " vs mean " + mean);
		assertTrue(linear < 0.25 * median, "linear " + linear + " vs median " + median);
		assertTrue(linear < nearest && nearest < mean, "linear " + linear + " < nearest " + nearest + " < mean " + mean);
	}

	@Test
	void stackOrderStandsInForMissingTimestamps() {
		DriftScan timed = new DriftScan(), untimed = new DriftScan();
		untimed.times = false;
		// one frame per second from t = 0: time order and stack order are the same
		float[] a = run(timed.build(), new NormalizeOptions()).frames().pixels(9);
		float[] b = run(untimed.build(), new NormalizeOptions()).frames().pixels(9);
		assertArrayEquals(a, b, 0f);
	}

	@Test
	void separateStacksGiveTheSameResultAsOneStackWithFrameKinds() {
		DriftScan scan = new DriftScan();
		FrameStack all = scan.build();
		FrameStack samples = all.ofKind(FrameKind.SAMPLE), flats = all.ofKind(FrameKind.FLAT), darks = all.ofKind(FrameKind.DARK);
		flats.infos().forEach(f -> f.kind(FrameKind.SAMPLE)); // a flats stack needs no labels
		NormalizeResult one = run(all, new NormalizeOptions());
		NormalizeResult sep = ReferenceNormalizer.normalize(samples, flats, darks, new NormalizeOptions(), Progress.NONE);
		for (int k = 0; k < one.frameCount(); k++) assertArrayEquals(one.frames().pixels(k), sep.frames().pixels(k), 0f);
		assertEquals(ReferenceMode.LINEAR, sep.mode());

		// without timestamps a separate stack cannot be placed in time: mean reference and a warning
		all.infos().forEach(f -> f.timeS(Double.NaN));
		flats.infos().forEach(f -> f.timeS(Double.NaN));
		NormalizeResult fallback = ReferenceNormalizer.normalize(samples, flats, darks, new NormalizeOptions(), Progress.NONE);
		assertEquals(ReferenceMode.MEAN, fallback.mode());
		assertTrue(fallback.warnings().get(0).contains("time_s"), fallback.warnings().toString());
	}

	@Test
	void exposureTimesAreDividedOut() {
		DriftScan scan = new DriftScan();
		scan.sampleExposure = 0.5; // SSRL macros: 0.5 s sample, 0.3 s reference
		scan.refExposure = 0.3;
		FrameStack s = scan.build();
		double[] on = error(run(s, new NormalizeOptions()), scan);
		double[] off = error(run(s, new NormalizeOptions().exposureCorrection(false)), scan);
		double noise = Math.sqrt(scan.predictedMse());
		assertEquals(0, on[0], 0.1 * noise);
		// uncorrected, every frame looks 5/3 brighter: absorbance off by ln(0.5/0.3) = 0.511
		assertEquals(-Math.log(0.5 / 0.3), off[0], 0.005);
	}

	@Test
	void xanesReferencesAreMatchedByEnergy() {
		// three energies, the beam 1x, 3x, 0.5x as bright; per energy: refs, samples, refs
		double[] energies = { 8300, 8333, 8400 }, gain = { 1, 3, 0.5 };
		int w = 16, h = 12;
		FrameStack s = new FrameStack(w, h);
		float[] truth = new float[w * h];
		for (int i = 0; i < truth.length; i++) truth[i] = 0.1f + 0.01f * (i % w);
		for (int e = 0; e < 3; e++) {
			for (int part = 0; part < 3; part++) {
				FrameKind kind = part == 1 ? FrameKind.SAMPLE : FrameKind.FLAT;
				float[] px = new float[w * h];
				for (int i = 0; i < px.length; i++)
					px[i] = (float) (1000 * gain[e] * (1 + 0.1 * (i / w)) * (kind == FrameKind.SAMPLE ? Math.exp(-truth[i] * (e + 1)) : 1));
				s.add(px, new FrameInfo(kind, 0, energies[e] + (part == 2 ? 0.01 : 0), 1));
			}
		}
		NormalizeResult r = run(s, new NormalizeOptions().mode(ReferenceMode.MEAN));
		assertEquals(3, r.frameCount());
		assertEquals(3, r.referenceBlocks());
		for (int e = 0; e < 3; e++)
			for (int i = 0; i < truth.length; i++) assertEquals(truth[i] * (e + 1), r.frames().pixels(e)[i], 1e-5);

		s.info(1).energyEv(8310); // a sample energy with no reference
		TxmException x = assertThrows(TxmException.class, () -> run(s, new NormalizeOptions()));
		assertTrue(x.getMessage().contains("8310.00 eV") && x.getMessage().contains("8300.00, 8333.00, 8400.00"), x.getMessage());
	}

	@Test
	void zingersAreRemovedAndCounted() {
		DriftScan scan = new DriftScan();
		FrameStack s = scan.build();
		java.util.Random rnd = new java.util.Random(7);
		int inserted = 0;
		for (int f = 0; f < s.size(); f++) {
			if (s.info(f).kind() == FrameKind.DARK) continue;
			for (int z = 0; z < 3; z++) {
				float[] px = s.pixels(f);
				px[rnd.nextInt(px.length)] *= 8; // a zinger: several times the local level
				inserted++;
			}
		}
		double noise = Math.sqrt(scan.predictedMse());
		NormalizeResult dirty = run(s, new NormalizeOptions());
		NormalizeResult clean = run(s, new NormalizeOptions().zingerThreshold(1.0));
		// 1.0 = twice the 3x3 median: Poisson noise at ~1000+ counts (3 % sigma) never gets there
		assertEquals(inserted, clean.zingers(), 2, "zingers found");
		assertTrue(error(dirty, scan)[1] > 1.3 * noise, "zingers hurt: " + error(dirty, scan)[1]);
		assertEquals(1.0, error(clean, scan)[1] / noise, 0.12, "after removal RMSE is back at the noise level");
	}

	@Test
	void badDenominatorsFollowTheRuleAndAreCounted() {
		int w = 8, h = 4;
		FrameStack s = new FrameStack(w, h);
		float[] dark = new float[w * h], flat = new float[w * h], sample = new float[w * h];
		java.util.Arrays.fill(dark, 100);
		java.util.Arrays.fill(flat, 1100);
		java.util.Arrays.fill(sample, 600);
		flat[3] = 100; // dead pixel: flat equals dark
		flat[4] = 50; // flat below dark
		flat[5] = Float.NaN;
		sample[6] = Float.NaN;
		sample[7] = 90; // sample below the dark: nothing transmitted
		s.add(dark, new FrameInfo(FrameKind.DARK, 0, 0, 1)).add(flat, new FrameInfo(FrameKind.FLAT, 0, 0, 1))
			.add(sample, new FrameInfo(FrameKind.SAMPLE, 0, 0, 1));
		NormalizeResult r = run(s, new NormalizeOptions());
		float[] a = r.frames().pixels(0);
		for (float v : a) assertTrue(Float.isFinite(v));
		assertEquals(4, r.badPixels());
		assertEquals(1, r.clampedPixels());
		for (int i = 3; i <= 6; i++) assertEquals(0f, a[i], "bad pixel " + i + " gets T = 1");
		assertEquals(-Math.log(NormalizeOptions.MIN_TRANSMISSION), a[7], 1e-5);
		assertEquals(-Math.log(0.5), a[0], 1e-6);
		assertTrue(r.summary().contains("4 bad-reference pixels"), r.summary());
	}

	@Test
	void clearErrorsForBadInputs() {
		FrameStack s = new DriftScan().build();
		FrameStack small = new FrameStack(8, 8).source("small.tif");
		small.add(new float[64], new FrameInfo().kind(FrameKind.FLAT));
		String m = assertThrows(TxmException.class,
			() -> ReferenceNormalizer.normalize(s.ofKind(FrameKind.SAMPLE), small, null, new NormalizeOptions(), Progress.NONE)).getMessage();
		assertTrue(m.contains("flats 'small.tif' has 8x8 frames") && m.contains("48x40"), m);

		m = assertThrows(TxmException.class, () -> run(s.ofKind(FrameKind.SAMPLE), new NormalizeOptions())).getMessage();
		assertTrue(m.startsWith("no reference frames"), m);

		// all references dark: the shutter stayed closed (counts at the dark level)
		m = assertThrows(TxmException.class, () -> run(withDarkFlats(s, s.indicesOf(FrameKind.FLAT)), new NormalizeOptions())).getMessage();
		assertTrue(m.startsWith("all 20 reference frames are dark"), m);
		m = assertThrows(TxmException.class, () -> run(withDarkFlats(s, new int[] { s.indicesOf(FrameKind.FLAT)[5] }), new NormalizeOptions()))
			.getMessage();
		assertTrue(m.startsWith("1 of 20 reference frames are dark (indices [5])"), m);

		// nothing reaches a sink before the checks are done
		List<Integer> got = new ArrayList<>();
		assertThrows(TxmException.class, () -> ReferenceNormalizer.normalize(withDarkFlats(s, s.indicesOf(FrameKind.FLAT)), null, null,
			new NormalizeOptions(), Progress.NONE, (i, px, info) -> got.add(i)));
		assertTrue(got.isEmpty());
		assertThrows(TxmException.class, () -> new NormalizeOptions().backgroundRoi("1,2,3"));
		m = assertThrows(TxmException.class, () -> run(s, new NormalizeOptions().backgroundRoi("40,0,10,5"))).getMessage();
		assertTrue(m.contains("reaches outside the 48x40 frames"), m);
	}

	/** A copy of the stack whose listed frames are replaced by dark-level frames (no beam). */
	static FrameStack withDarkFlats(FrameStack s, int[] which) {
		FrameStack c = s.emptyLike();
		float[] darkFrame = s.pixels(s.indicesOf(FrameKind.DARK)[0]);
		for (int i = 0; i < s.size(); i++) {
			final int ii = i;
			boolean dark = java.util.Arrays.stream(which).anyMatch(x -> x == ii);
			c.add(dark ? darkFrame.clone() : s.pixels(i), s.info(i).copy());
		}
		return c;
	}

	@Test
	void alreadyNormalizedInputIsNotNormalizedTwice() {
		FrameStack t = new FrameStack(4, 2).state(DataState.TRANSMISSION).source("img_xanes");
		float[] px = { 1, 0.5f, 0.25f, 0.1f, Float.NaN, 0, 2, 1 };
		t.add(px.clone(), new FrameInfo(FrameKind.SAMPLE, Double.NaN, 8333, Double.NaN));
		t.add(new float[8], new FrameInfo(FrameKind.FLAT, Double.NaN, 8333, Double.NaN)); // a zero "reference" would blow up a division
		NormalizeResult r = run(t, new NormalizeOptions());
		float[] a = r.frames().pixels(0);
		assertEquals(1, r.frameCount());
		assertEquals(-Math.log(0.5), a[1], 1e-6);
		assertEquals(-Math.log(0.1), a[3], 1e-6);
		assertEquals(0, a[4]); // NaN: bad pixel rule
		assertEquals(-Math.log(NormalizeOptions.MIN_TRANSMISSION), a[5], 1e-5); // FXI's zeros: clamped
		assertEquals(1, r.badPixels());
		assertEquals(1, r.clampedPixels());
		assertTrue(r.warnings().get(0).contains("already transmission") && r.warnings().get(0).contains("reference frames were ignored"),
			r.warnings().toString());

		FrameStack abs = r.frames();
		NormalizeResult again = run(abs, new NormalizeOptions());
		assertArrayEquals(a, again.frames().pixels(0), 0f);
		NormalizeResult back = run(abs, new NormalizeOptions().output(Output.TRANSMISSION));
		assertEquals(0.25, back.frames().pixels(0)[2], 1e-6);
		assertEquals(DataState.TRANSMISSION, back.frames().state());
	}

	@Test
	void backgroundRegionRemovesRingCurrentChanges() {
		DriftScan scan = new DriftScan();
		FrameStack s = scan.build();
		// ring current: each sample frame saw a different incident intensity than the references predict
		int[] samples = s.indicesOf(FrameKind.SAMPLE);
		float darkLevel = (float) scan.dark;
		for (int k = 0; k < samples.length; k++) {
			float c = 1 + 0.05f * (k % 5);
			float[] px = s.pixels(samples[k]);
			for (int i = 0; i < px.length; i++) px[i] = darkLevel + (px[i] - darkLevel) * c;
		}
		// the sphere spans x from 0.3w - 0.35h to 0.7w + 0.35h: the top rows are beam only
		double noise = Math.sqrt(scan.predictedMse());
		double[] without = error(run(s, new NormalizeOptions()), scan);
		double[] with = error(run(s, new NormalizeOptions().backgroundRoi("0,0,48,5")), scan);
		assertTrue(without[0] < -0.05, "mean error without: " + without[0]);
		assertEquals(0, with[0], 0.3 * noise, "mean error with the background region");
		assertTrue(with[1] < 1.1 * noise, "RMSE with the background region " + with[1]);
	}

	@Test
	void binningAveragesBeforeDividing() {
		DriftScan scan = new DriftScan();
		FrameStack s = scan.build();
		NormalizeResult r = run(s, new NormalizeOptions().bin(2).output(Output.TRANSMISSION));
		assertEquals(24, r.frames().width());
		assertEquals(20, r.frames().height());
		assertEquals(60, r.frames().pixelSizeNm(), 1e-9);
		assertEquals(2, r.frames().binning());
		NormalizeResult full = run(s, new NormalizeOptions().output(Output.TRANSMISSION));
		// binned T equals the mean of full-resolution T up to noise (4x more counts per binned pixel)
		double diff = 0;
		float[] b = r.frames().pixels(3), f = full.frames().pixels(3);
		for (int y = 0; y < 20; y++)
			for (int x = 0; x < 24; x++) {
				double m = (f[2 * y * 48 + 2 * x] + f[2 * y * 48 + 2 * x + 1] + f[(2 * y + 1) * 48 + 2 * x] + f[(2 * y + 1) * 48 + 2 * x + 1]) / 4;
				diff = Math.max(diff, Math.abs(m - b[y * 24 + x]));
			}
		assertTrue(diff < 0.02, "max difference " + diff);
	}

	@Test
	void streamsFramesInOrderWithMetadataAndProgress() {
		FrameStack s = new DriftScan().build();
		List<Double> angles = new ArrayList<>();
		List<Long> progress = new ArrayList<>();
		NormalizeResult r = ReferenceNormalizer.normalize(s, null, null, new NormalizeOptions(), (d, t, msg) -> progress.add(d),
			(i, px, info) -> {
				assertEquals(angles.size(), i);
				angles.add(info.angleDeg());
			});
		assertNull(r.frames());
		assertEquals(32, angles.size());
		for (int k = 0; k < 32; k++) assertEquals(360.0 * k / 32, angles.get(k), 1e-9);
		assertEquals(32, progress.size());
		float[] first = s.pixels(s.indicesOf(FrameKind.SAMPLE)[0]);
		assertTrue(first[0] > 100, "input frames are left untouched");
	}
}
