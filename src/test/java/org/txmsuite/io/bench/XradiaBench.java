package org.txmsuite.io.bench;

import java.nio.file.Files;
import java.nio.file.Path;

import org.txmsuite.core.FrameInfo;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.Progress;
import org.txmsuite.io.Hdf5Io;
import org.txmsuite.io.TxmImport;
import org.txmsuite.io.XradiaReader;
import org.txmsuite.io.XradiaWriter;

/**
 * Write and read throughput of .txrm (uint16) and Data Exchange (float32), and binned import.
 * Usage: XradiaBench [frames] [size]; default 181 frames of 1024x1024.
 */
public final class XradiaBench {
	public static void main(String[] args) throws Exception {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 181, w = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
		FrameStack s = new FrameStack(w, w).pixelSizeNm(20);
		for (int i = 0; i < n; i++) {
			float[] px = new float[w * w];
			for (int j = 0; j < px.length; j++) px[j] = (j * 31 + i) & 0xFFF;
			s.add(px, new FrameInfo().angleDeg(i).energyEv(8333).exposureS(1));
		}
		double mb = (double) n * w * w * 2 / 1e6;
		Path dir = Files.createTempDirectory("xbench");
		Path txrm = dir.resolve("b.txrm"), h5 = dir.resolve("b.h5");
		System.out.printf("%d frames %dx%d, %d cores, max heap %d MB%n", n, w, w, Runtime.getRuntime().availableProcessors(),
			Runtime.getRuntime().maxMemory() >> 20);
		for (int rep = 0; rep < 2; rep++) {
			long t0 = System.nanoTime();
			XradiaWriter.writeTxrm(txrm, s);
			long t1 = System.nanoTime();
			FrameStack r = XradiaReader.read(txrm);
			long t2 = System.nanoTime();
			FrameStack b = TxmImport.open(txrm, new TxmImport.Options().bin(4), Progress.NONE);
			long t3 = System.nanoTime();
			Hdf5Io.writeDataExchange(h5, s);
			long t4 = System.nanoTime();
			FrameStack d = Hdf5Io.readDataExchange(h5);
			long t5 = System.nanoTime();
			System.out.printf("txrm uint16 %.0f MB: write %.2f s, read %.2f s, read binned x4 %.2f s; DX float32 %.0f MB: write %.2f s, read %.2f s (%d %d %d)%n",
				mb, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, 2 * mb, (t4 - t3) / 1e9, (t5 - t4) / 1e9, r.size(), b.width(), d.size());
		}
		short[] one = new short[2048 * 2048];
		Path xrm = dir.resolve("one.xrm");
		for (int rep = 0; rep < 3; rep++) {
			long t0 = System.nanoTime();
			XradiaWriter.writeXrm(xrm, one, 2048, 2048, new FrameInfo(), 20);
			long t1 = System.nanoTime();
			XradiaReader.read(xrm);
			System.out.printf("one 2048x2048 uint16 .xrm: write %.3f s, read %.3f s%n", (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
		}
		Files.delete(xrm);
		Files.delete(txrm);
		Files.delete(h5);
		Files.delete(dir);
	}
}
