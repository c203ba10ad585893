package org.txmsuite.align.bench;

import org.txmsuite.align.AlignBenchSupport;

/** Benchmark: tomographic-consistency alignment of 64 x 128 x 128 projections (see docs/stages/align.md). */
public final class AlignBench {
	public static void main(String[] args) {
		String set = args.length > 0 ? args[0] : "180";
		AlignBenchSupport.run(set, args.length > 1 ? Integer.parseInt(args[1]) : 128, args.length > 2 ? Integer.parseInt(args[2]) : 64,
			args.length > 3 ? Integer.parseInt(args[3]) : 128);
	}
}
