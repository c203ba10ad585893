package org.txmsuite.align.bench;

import org.txmsuite.align.AlignBenchSupport;
import org.txmsuite.align.AlignOptions;
import org.txmsuite.align.LoopProfile;

/**
 * Benchmark: tomographic-consistency alignment of 64 rows x 128 columns x 128 projections (see
 * docs/stages/align.md). Arguments: angle set (180, 135, 152), columns, rows, projections, jitter seed (42); or
 * {@code center135} (or center180, center152) for the rotation centre, or {@code profile} for the parts of one full-resolution loop and the registration and shift kernels.
 */
public final class AlignBench {
	public static void main(String[] args) {
		String set = args.length > 0 ? args[0] : "180";
		int w = args.length > 1 ? Integer.parseInt(args[1]) : 128, h = args.length > 2 ? Integer.parseInt(args[2]) : 64,
			n = args.length > 3 ? Integer.parseInt(args[3]) : 128;
		if (set.equals("profile")) {
			LoopProfile.kernels(w, h);
			LoopProfile.run(w, h, n, 5);
		} else if (set.startsWith("center")) {
			for (double c : new double[] { 63.5, 64.3, 61.85 }) AlignBenchSupport.center(set.substring(6).isEmpty() ? "135" : set.substring(6), w, h, n, c);
		} else AlignBenchSupport.run(set, w, h, n, new AlignOptions(), args.length > 4 ? Long.parseLong(args[4]) : 42, Double.NaN, true);
	}
}
