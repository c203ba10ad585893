package org.txmsuite.align.bench;

import org.txmsuite.align.AlignBenchSupport;
import org.txmsuite.align.AlignOptions;

/**
 * Accuracy over several jitter seeds (see docs/stages/align.md): 64 rows x 128 columns x 128 views,
 * +-5 px, 1 % noise, at 180, 135 and 152 (four-post) degrees. Per run: x RMS after removing a common
 * offset (the measure), x RMS after removing a + b cos + c sin (gauge-free), the true jitter's
 * own cos/sin part (floor of the first for any method), y RMS, loops, wall time. Arguments: seeds
 * (default 42 1 2 3 4). With {@code -Dalign.center=64.3} the scans are made about that centre and the
 * aligner refines it; the centre is then compared with the true one plus the constant a of the true jitter's
 * fit a + b cos + c sin (jitter with a mean is a centre shift for any method). Run under {@code nice -n 19}: minutes of CPU.
 */
public final class AlignValidation {
	public static void main(String[] args) {
		long[] seeds = args.length > 0 ? java.util.Arrays.stream(args).mapToLong(Long::parseLong).toArray() : new long[] { 42, 1, 2, 3, 4 };
		double center = Double.parseDouble(System.getProperty("align.center", "NaN"));
		AlignOptions o = new AlignOptions().refineCenter(!Double.isNaN(center));
		System.out.println("set  seed  x(offset)  x(gauge-free)  floor  y(offset)  loops  wall_s  centre  jitter_a  centre-true-a");
		for (String set : new String[] { "180", "135", "152" }) {
			double[] sum = new double[8];
			for (long seed : seeds) {
				double[] m = AlignBenchSupport.run(set, 128, 64, 128, o, seed, center, false);
				System.out.printf("%-4s %4d  %9.3f  %13.3f  %5.3f  %9.3f  %5.0f  %6.2f  %6.3f  %8.3f  %13.3f%n", set, seed, m[0], m[1], m[2], m[3],
					m[4], m[5], m[7], m[8], Double.isNaN(center) ? Double.NaN : m[7] - center - m[8]);
				for (int k = 0; k < 8; k++) sum[k] += m[k] / seeds.length;
			}
			System.out.printf("%-4s mean  %9.3f  %13.3f  %5.3f  %9.3f  %5.1f  %6.2f%n", set, sum[0], sum[1], sum[2], sum[3], sum[4], sum[5]);
		}
	}
}
