package org.txmsuite.segment.bench;

import org.txmsuite.core.Progress;
import org.txmsuite.core.Volume;
import org.txmsuite.segment.PtShellSegmenter;
import org.txmsuite.segment.ShellOptions;
import org.txmsuite.segment.ShellResult;
import org.txmsuite.segment.MeasuredObject;
import org.txmsuite.sim.DacSample;

/** Prints measured vs true interior volume and surface for rasterized shapes (development aid). */
public final class Explore {
	public static void main(String[] a) throws Exception {
		double vox = a.length > 0 ? Double.parseDouble(a[0]) : 0.05;
		double blur = a.length > 1 ? Double.parseDouble(a[1]) : 1.0;
		double noise = a.length > 2 ? Double.parseDouble(a[2]) : 0.05;
		int slot = a.length > 3 ? Integer.parseInt(a[3]) : 0;
		for (DacSample.Shape sh : DacSample.Shape.values()) {
			DacSample s = new DacSample(sh, 3, a.length > 4 ? Double.parseDouble(a[4]) : 0.3);
			java.lang.reflect.Method size = Class.forName("org.txmsuite.segment.TestVolumes").getDeclaredMethod("size", DacSample.class, double.class, int.class);
			size.setAccessible(true);
			int n = (int) size.invoke(null, s, vox, 6);
			java.lang.reflect.Method ras = Class.forName("org.txmsuite.segment.TestVolumes").getDeclaredMethod("rasterized", DacSample.class, double.class, int.class, double.class, double.class, long.class);
			ras.setAccessible(true);
			long t0 = System.nanoTime();
			Volume v = (Volume) ras.invoke(null, s, vox, n, blur, noise, 1L);
			if (slot > 0) {
				java.lang.reflect.Method sl = Class.forName("org.txmsuite.segment.TestVolumes").getDeclaredMethod("slot", Volume.class, int.class, int.class, int.class, float.class);
				sl.setAccessible(true);
				sl.invoke(null, v, slot, n / 2 - n / 6, n / 2 + n / 6, 0f);
			}
			long t1 = System.nanoTime();
			ShellResult r = PtShellSegmenter.measure(v, new ShellOptions(), Progress.NONE);
			long t2 = System.nanoTime();
			double tv = s.interiorVolumeUm3(), ts = s.interiorSurfaceUm2();
			System.out.printf("%s n=%d sim %.1fs seg %.1fs  V %.4f true %.4f err %+.3f%% U %.3f%% (lvl %.3f band %.3f clo %.3f) count %+.3f%%  S %.3f true %.3f err %+.2f%% r=%d t=%.4g p=%.4g g=%.4g%n",
				sh, n, (t1 - t0) / 1e9, (t2 - t1) / 1e9, r.interiorVolumeUm3, tv, 100 * (r.interiorVolumeUm3 / tv - 1), 100 * r.uncertaintyUm3 / tv,
				100 * r.object(2).levelTermUm3 / tv, 100 * r.object(2).bandTermUm3 / tv, 100 * r.object(2).closingTermUm3 / tv,
				100 * (r.object(2).countVolumeUm3 / tv - 1), r.surfaceUm2, ts, 100 * (r.surfaceUm2 / ts - 1), r.closingVoxels, r.threshold, r.shellLevel, r.interiorLevel);
			for (MeasuredObject o : r.objects) if (o.label > 2) System.out.println("   " + o);
		}
	}
}
