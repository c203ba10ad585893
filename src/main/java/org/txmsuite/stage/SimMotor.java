package org.txmsuite.stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleConsumer;

import com.cosylab.epics.caj.cas.util.DefaultServerImpl;

import gov.aps.jca.CAStatus;
import gov.aps.jca.cas.ProcessVariableWriteCallback;

/**
 * A simulated EPICS motor record: fields {@code .VAL .RBV .DMOV .MOVN .STOP .VELO .ACCL .HLM .LLM
 * .LVIO .EGU}. A put to {@code .VAL} inside the soft limits starts a move at {@code VELO} (units/s)
 * with {@code ACCL} seconds of acceleration, optionally taking up backlash by overshooting on moves in
 * the negative direction; the put completes (put-callback) when the move is done and {@code DMOV} is
 * back to 1. A put outside the limits sets {@code LVIO} and does not move. The readback settles within
 * a small random noise of the target. Times run on the simulator's clock ({@code speed} x real time).
 */
final class SimMotor {
	final String name;
	final SimPV val, rbv, dmov, movn, stop, velo, accl, hlm, llm, lvio, egu;
	private final double speed, backlash, settleNoise;
	private final Random noise;
	private final List<ProcessVariableWriteCallback> waiting = new ArrayList<>();
	private DoubleConsumer arrived = v -> {};
	private double position, from, target;
	private long startNanos;
	private double wallSeconds;
	private boolean moving;

	SimMotor(DefaultServerImpl server, String pvName, String units, double initial, double velocity, double low, double high,
		double speed, double backlash, double settleNoise, long seed) {
		this.name = pvName;
		this.speed = speed;
		this.backlash = backlash;
		this.settleNoise = settleNoise;
		this.noise = new Random(seed);
		position = target = initial;
		val = SimPV.number(pvName + ".VAL", null, initial, units);
		rbv = SimPV.number(pvName + ".RBV", null, initial, units);
		dmov = SimPV.integer(pvName + ".DMOV", null, 1);
		movn = SimPV.integer(pvName + ".MOVN", null, 0);
		stop = SimPV.integer(pvName + ".STOP", null, 0);
		velo = SimPV.number(pvName + ".VELO", null, velocity, units + "/s");
		accl = SimPV.number(pvName + ".ACCL", null, 0.2, "s");
		hlm = SimPV.number(pvName + ".HLM", null, high, units);
		llm = SimPV.number(pvName + ".LLM", null, low, units);
		lvio = SimPV.integer(pvName + ".LVIO", null, 0);
		egu = SimPV.text(pvName + ".EGU", null, units);
		val.onWrite(this::request);
		stop.onWrite((v, done) -> {
			if (v != 0) complete(halt());
			return CAStatus.NORMAL;
		});
		for (SimPV pv : new SimPV[] { val, rbv, dmov, movn, stop, velo, accl, hlm, llm, lvio, egu }) server.registerProcessVariable(pv);
	}

	/** Called with the final position whenever a move ends. */
	synchronized void onArrival(DoubleConsumer c) {
		arrived = c;
	}

	synchronized double position() {
		return position;
	}

	synchronized boolean isMoving() {
		return moving;
	}

	/** Starts a move from the simulator itself (e.g. the zone plate following the energy). */
	void moveTo(double v) {
		val.set(v);
		request(v, null);
	}

	/** Seconds of simulator time a move from here to {@code v} takes. */
	synchronized double moveSeconds(double v) {
		double path = Math.abs(v - position) + (v < position && backlash > 0 ? 2 * backlash : 0);
		return path == 0 ? 0 : path / Math.max(1e-9, velo.doubleValue()) + accl.doubleValue();
	}

	/** Handles a put to .VAL: a move, or a limit violation. Null: completes later. */
	synchronized CAStatus request(double v, ProcessVariableWriteCallback done) {
		double lo = llm.doubleValue(), hi = hlm.doubleValue();
		if (hi > lo && (v < lo || v > hi)) {
			lvio.set(1);
			val.set(target);
			return CAStatus.NORMAL;
		}
		lvio.set(0);
		from = position;
		target = v;
		wallSeconds = moveSeconds(v) / speed;
		startNanos = System.nanoTime();
		if (done != null) waiting.add(done);
		if (!moving) {
			moving = true;
			dmov.set(0);
			movn.set(1);
		}
		return done == null ? CAStatus.NORMAL : null;
	}

	private synchronized List<ProcessVariableWriteCallback> halt() {
		if (!moving) return List.of();
		target = position;
		return finish();
	}

	private static void complete(List<ProcessVariableWriteCallback> done) {
		for (ProcessVariableWriteCallback cb : done) cb.processVariableWriteCompleted(CAStatus.NORMAL);
	}

	/** Advances the move to time {@code now} (System.nanoTime()). */
	void tick(long now) {
		DoubleConsumer notify = null;
		double at = 0;
		List<ProcessVariableWriteCallback> done = null;
		synchronized (this) {
			if (!moving) return;
			double t = (now - startNanos) * 1e-9;
			if (t >= wallSeconds) {
				done = finish();
				notify = arrived;
				at = position;
			}
			else {
				double f = t / wallSeconds;
				double over = target < from && backlash > 0 ? backlash : 0;
				double total = Math.abs(target - from) + 2 * over, s = f * total;
				double dir = Math.signum(target - from);
				position = s <= Math.abs(target - from) + over ? from + dir * s : target - over + (s - Math.abs(target - from) - over);
				rbv.set(position);
			}
		}
		if (notify != null) notify.accept(at);
		if (done != null) complete(done);
	}

	private List<ProcessVariableWriteCallback> finish() {
		position = target;
		rbv.set(target + settleNoise * noise.nextGaussian());
		moving = false;
		movn.set(0);
		dmov.set(1);
		List<ProcessVariableWriteCallback> done = new ArrayList<>(waiting);
		waiting.clear();
		return done;
	}

	boolean limitViolated() {
		return lvio.doubleValue() != 0;
	}

	/** The readback (position plus settle noise). */
	double readback() {
		return rbv.doubleValue();
	}
}
