package org.txmsuite.stage.bench;

import org.txmsuite.stage.CaInstrument;
import org.txmsuite.stage.Instrument;
import org.txmsuite.stage.InstrumentSimulator;

import gov.aps.jca.dbr.DBRType;

/**
 * Channel Access throughput on loopback: 2048x2048 16-bit frames per second (transfer only, and
 * acquire end to end with the simulated exposure ~0), and the overhead of one motor move (put with
 * completion + DMOV/LVIO checks) with the motion time made negligible.
 * Run: java -cp target/classes:target/test-classes:$(cat target/cp.txt) -DCA_DISABLE_REPEATER=true org.txmsuite.stage.bench.StageBenchmark [size]
 */
public final class StageBenchmark {
	public static void main(String[] args) {
		int size = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
		InstrumentSimulator.Config c = new InstrumentSimulator.Config();
		c.width = c.height = size;
		c.speed = 1e5;
		c.supersample = 1;
		System.out.println("cores " + Runtime.getRuntime().availableProcessors() + ", frame " + size + "x" + size + " uint16");
		try (InstrumentSimulator sim = InstrumentSimulator.start(c); CaInstrument ca = new CaInstrument(c.prefix, sim.port(), 30)) {
			ca.setExposure(0.001);
			ca.acquire();
			int n = size * size;
			for (int w = 0; w < 3; w++) ca.get("image1:ArrayData", DBRType.SHORT, n);
			int reps = 20;
			long t0 = System.nanoTime();
			for (int i = 0; i < reps; i++) ca.get("image1:ArrayData", DBRType.SHORT, n);
			double per = (System.nanoTime() - t0) * 1e-9 / reps;
			System.out.printf("transfer: %.1f ms per frame, %.1f frames/s, %.0f MB/s%n", per * 1e3, 1 / per, n * 2 / per / 1e6);

			int acq = 5;
			t0 = System.nanoTime();
			for (int i = 0; i < acq; i++) {
				Instrument.Frame f = ca.acquire();
				if (f.counts.length != n) throw new IllegalStateException();
			}
			double perAcq = (System.nanoTime() - t0) * 1e-9 / acq;
			System.out.printf("acquire end to end (simulate frame + put-completion + counters + transfer): %.0f ms, %.2f frames/s%n", perAcq * 1e3, 1 / perAcq);

			for (int i = 0; i < 20; i++) ca.move("x", i % 2);
			int moves = 200;
			t0 = System.nanoTime();
			for (int i = 0; i < moves; i++) ca.move("x", i % 2 == 0 ? 1 : 0);
			double perMove = (System.nanoTime() - t0) * 1e-9 / moves;
			System.out.printf("move overhead: %.2f ms per move (put-callback on .VAL, .RBV/.VELO/.ACCL/.LVIO/.DMOV reads; motion ~0)%n", perMove * 1e3);
			t0 = System.nanoTime();
			for (int i = 0; i < moves; i++) ca.getDouble("X.RBV");
			System.out.printf("scalar get: %.3f ms%n", (System.nanoTime() - t0) * 1e-6 / moves);
		}
	}
}
