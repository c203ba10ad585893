package org.txmsuite.stage;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.txmsuite.core.TxmException;

import com.cosylab.epics.caj.CAJContext;

import gov.aps.jca.CAException;
import gov.aps.jca.CAStatus;
import gov.aps.jca.Channel;
import gov.aps.jca.dbr.DBR;
import gov.aps.jca.dbr.DBRType;

/**
 * An {@link Instrument} over EPICS Channel Access (loopback only): motor records
 * {@code <prefix><AXIS>.VAL/.RBV/.DMOV/.HLM/.LLM/.LVIO} (axis upper case, energy is {@code ENERGY}) and an
 * areaDetector camera {@code <prefix>cam1:*}, {@code <prefix>image1:*}. Moves and acquisitions are
 * puts with completion; after a move the record's {@code DMOV} must read 1 and {@code LVIO} 0. A
 * channel that disconnects fails the waiting call at once.
 */
public final class CaInstrument implements Instrument {
	private final String prefix;
	private final int port;
	private final CAJContext ctx;
	private final Map<String, Channel> channels = new ConcurrentHashMap<>();
	private final double ioTimeoutS;
	private volatile String lost;
	private volatile boolean closed;

	/** A client for PVs under {@code prefix}, searching 127.0.0.1 at {@code port}. */
	public CaInstrument(String prefix, int port, double ioTimeoutS) {
		this.prefix = prefix;
		this.port = port;
		this.ioTimeoutS = ioTimeoutS;
		this.ctx = Loopback.client(port);
	}

	@Override
	public String describe() {
		return "Channel Access prefix '" + prefix + "' on " + Loopback.HOST + ":" + port;
	}

	static String pvAxis(String axis) {
		return axis.trim().toUpperCase(Locale.ROOT);
	}

	private Channel channel(String name) {
		Channel ch = channels.get(name);
		if (ch != null) return ch;
		String full = prefix + name;
		try {
			CountDownLatch connected = new CountDownLatch(1);
			ch = ctx.createChannel(full, ev -> {
				if (ev.isConnected()) connected.countDown();
				else if (!closed) lost = full;
			});
			ctx.flushIO();
			if (!connected.await(Math.round(ioTimeoutS * 1000), TimeUnit.MILLISECONDS)) {
				ch.destroy();
				throw new TxmException("no answer from PV '" + full + "' within " + ioTimeoutS + " s (" + describe()
					+ "): is the instrument or simulator running, and is the name right?");
			}
		}
		catch (CAException e) {
			throw new TxmException("cannot connect to PV '" + full + "': " + e.getMessage(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new TxmException("interrupted while connecting to '" + full + "'", e);
		}
		channels.put(name, ch);
		return ch;
	}

	private void checkAlive() {
		if (lost != null) throw new TxmException("lost the connection to '" + lost + "' (" + describe() + "): the instrument stopped answering");
	}

	/** Waits for a latch in short slices, failing at once if a channel disconnects. */
	private void await(CountDownLatch latch, double timeoutS, String what) {
		long end = System.nanoTime() + Math.round(timeoutS * 1e9);
		try {
			while (!latch.await(20, TimeUnit.MILLISECONDS)) {
				checkAlive();
				if (System.nanoTime() > end) throw new TxmException(what + " did not finish within " + Math.round(timeoutS) + " s (" + describe() + ")");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new TxmException("interrupted while waiting for " + what, e);
		}
	}

	/** Reads {@code count} elements of a PV as {@code type}; count 0 asks the server for its current length, as libca does. */
	public DBR get(String name, DBRType type, int count) {
		checkAlive();
		Channel ch = channel(name);
		CountDownLatch done = new CountDownLatch(1);
		AtomicReference<DBR> out = new AtomicReference<>();
		AtomicReference<CAStatus> status = new AtomicReference<>();
		try {
			ch.get(type, Math.max(0, count), ev -> {
				status.set(ev.getStatus());
				out.set(ev.getDBR());
				done.countDown();
			});
			ctx.flushIO();
		}
		catch (CAException | IllegalStateException e) {
			throw new TxmException("cannot read '" + prefix + name + "': " + e.getMessage(), e);
		}
		await(done, ioTimeoutS, "reading '" + prefix + name + "'");
		if (status.get() != CAStatus.NORMAL || out.get() == null)
			throw new TxmException("reading '" + prefix + name + "' failed: " + status.get());
		return out.get();
	}

	public double getDouble(String name) {
		return ((double[]) get(name, DBRType.DOUBLE, 1).getValue())[0];
	}

	/** Writes a value and waits for the put to complete (for a motor: the move is done). */
	public void putWait(String name, double value, double timeoutS) {
		checkAlive();
		Channel ch = channel(name);
		CountDownLatch done = new CountDownLatch(1);
		AtomicReference<CAStatus> status = new AtomicReference<>();
		try {
			ch.put(value, ev -> {
				status.set(ev.getStatus());
				done.countDown();
			});
			ctx.flushIO();
		}
		catch (CAException | IllegalStateException e) {
			throw new TxmException("cannot write '" + prefix + name + "': " + e.getMessage(), e);
		}
		await(done, timeoutS, "writing " + value + " to '" + prefix + name + "'");
		if (status.get() != CAStatus.NORMAL) throw new TxmException("writing " + value + " to '" + prefix + name + "' failed: " + status.get());
	}

	@Override
	public double[] limits(String axis) {
		String a = pvAxis(axis);
		return new double[] { getDouble(a + ".LLM"), getDouble(a + ".HLM") };
	}

	@Override
	public double position(String axis) {
		return getDouble(pvAxis(axis) + ".RBV");
	}

	@Override
	public void move(String axis, double value) {
		String a = pvAxis(axis);
		double from = position(a), velo = getDouble(a + ".VELO"), accl = getDouble(a + ".ACCL");
		double timeout = 30 + 3 * (Math.abs(value - from) / Math.max(1e-9, velo) + accl);
		putWait(a + ".VAL", value, timeout);
		if (getDouble(a + ".LVIO") != 0) {
			double[] lim = limits(a);
			throw new TxmException("axis " + axis + ": move to " + value + " refused by the instrument (soft limits " + lim[0] + " .. " + lim[1] + ")");
		}
		long end = System.nanoTime() + Math.round(timeout * 1e9);
		while (getDouble(a + ".DMOV") == 0) {
			if (System.nanoTime() > end) throw new TxmException("axis " + axis + " still moving (DMOV=0) after " + Math.round(timeout) + " s");
			sleep(5);
		}
	}

	private static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new TxmException("interrupted", e);
		}
	}

	@Override
	public void setExposure(double seconds) {
		putWait("cam1:AcquireTime", seconds, ioTimeoutS);
	}

	@Override
	public void setBinning(int binning) {
		putWait("cam1:BinX", binning, ioTimeoutS);
		putWait("cam1:BinY", binning, ioTimeoutS);
	}

	@Override
	public void setShutter(boolean open) {
		putWait("cam1:ShutterControl", open ? 1 : 0, ioTimeoutS);
	}

	@Override
	public Frame acquire() {
		double exposure = getDouble("cam1:AcquireTime");
		double before = getDouble("cam1:ArrayCounter_RBV");
		putWait("cam1:Acquire", 1, 30 + 3 * exposure);
		double after = getDouble("cam1:ArrayCounter_RBV");
		if (after != before + 1)
			throw new TxmException("camera frame counter went from " + (long) before + " to " + (long) after + " during one acquisition (expected +1)");
		int w = (int) getDouble("image1:ArraySize0_RBV"), h = (int) getDouble("image1:ArraySize1_RBV");
		long id = (long) getDouble("image1:UniqueId_RBV");
		short[] counts = (short[]) get("image1:ArrayData", DBRType.SHORT, w * h).getValue();
		if (counts.length != w * h) throw new TxmException("camera sent " + counts.length + " pixels, expected " + w + "x" + h);
		return new Frame(w, h, counts, id);
	}

	@Override
	public void close() {
		closed = true;
		for (Channel ch : channels.values()) {
			try {
				ch.destroy();
			}
			catch (CAException | IllegalStateException e) {
				// closing anyway
			}
		}
		channels.clear();
		try {
			ctx.destroy();
		}
		catch (CAException | IllegalStateException e) {
			// already down
		}
	}
}
