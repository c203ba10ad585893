package org.txmsuite.sim;

import java.util.SplittableRandom;

/** Poisson samples: exact (Knuth) for small means, normal approximation with continuity for large. */
final class Poisson {
	private Poisson() {}

	static double sample(SplittableRandom r, double mean) {
		if (mean <= 0) return 0;
		if (mean < 30) {
			double l = Math.exp(-mean), p = 1;
			int k = 0;
			do {
				k++;
				p *= r.nextDouble();
			}
			while (p > l);
			return k - 1;
		}
		double g = gaussian(r);
		return Math.max(0, Math.round(mean + Math.sqrt(mean) * g));
	}

	static double gaussian(SplittableRandom r) {
		double u, v, s;
		do {
			u = 2 * r.nextDouble() - 1;
			v = 2 * r.nextDouble() - 1;
			s = u * u + v * v;
		}
		while (s >= 1 || s == 0);
		return u * Math.sqrt(-2 * Math.log(s) / s);
	}
}
