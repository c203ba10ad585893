package org.txmsuite.stage;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.txmsuite.core.TxmException;
import org.txmsuite.sim.DacSample;
import org.txmsuite.sim.Phantom3D;
import org.txmsuite.sim.ScanSimulator;

import com.cosylab.epics.caj.cas.util.DefaultServerImpl;

import gov.aps.jca.CAException;
import gov.aps.jca.CAStatus;
import gov.aps.jca.cas.ProcessVariableExistanceCallback;
import gov.aps.jca.cas.ProcessVariableExistanceCompletion;
import gov.aps.jca.cas.ProcessVariableWriteCallback;

/**
 * A nano-TXM on Channel Access (loopback only), for tests, demos and dry runs of acquisition macros:
 * motors with motor-record fields for the sample stage ({@code X Y Z T}), zone plate, detector and
 * phase ring axes, an energy axis ({@code ENERGY}: monochromator, with the zone-plate focus {@code ZPZ}
 * following it), and an areaDetector-style CCD ({@code cam1:*}, {@code image1:*}) whose frames are
 * transmission images of a {@link DacSample} phantom computed analytically by {@link ScanSimulator} at
 * the current rotation angle, sample position and energy, with a drifting flat field, photon noise
 * for the exposure, dark counts, and rotation-stage run-out: every rotation move displaces the sample
 * by a random, seeded, sub-pixel-to-few-pixel offset, recorded in {@link #runout()}.
 * <p>
 * Instead of a 3D phantom it can show a spectral sample ({@link Config#xanesSample}, a 2D XANES
 * particle): the frame is then the particle's optical density at the {@code ENERGY} readback (phase
 * spectra interpolated in energy), with the same displacement, flat field, drift and noise; every
 * energy move can displace it ({@link Config#energyRunoutPx}) and the magnification can change
 * with energy ({@link Config#magnificationPerEv}).
 * <p>
 * PV names: {@code <prefix><AXIS>.VAL} etc. (axis upper case), {@code <prefix>cam1:Acquire},
 * {@code <prefix>image1:ArrayData}. Time runs {@code speed} times faster than real time.
 */
public final class InstrumentSimulator implements AutoCloseable {
	/** Sample-stage, zone-plate, detector and phase-ring axes (um; T in degrees). */
	public static final List<String> AXES = List.of("X", "Y", "Z", "T", "ZPX", "ZPY", "ZPZ", "DETX", "DETY", "DETZ", "PHX", "PHY", "PRX", "PRY");
	/** Photon energy at which the phantom's attenuation coefficients hold (eV). */
	public static final double DESIGN_ENERGY_EV = 8500;

	/** Settings of a simulator; all have defaults. */
	public static final class Config {
		public String prefix = "TXMSIM:";
		/** TCP/UDP port on 127.0.0.1; 0 picks a free one. */
		public int port = 0;
		/** {@code dac-cube}, {@code dac-sphere} or {@code dac-cylinder}. */
		public String phantom = "dac-cube";
		public int width = 256, height = 256;
		/** Simulated seconds per real second (exposures, moves, drift). */
		public double speed = 10;
		/** Largest run-out per rotation move, detector pixels (unbinned), uniform in [-max, max]. */
		public double runoutPx = 2;
		public double photonsPerSecond = 20000, darkCounts = 100;
		/** Flat-field intensity change per hour of simulated time (relative) and left-right tilt. */
		public double driftPerHour = 0.05, driftTilt = 0.03;
		public double backlash = 0, settleNoise = 0.0005;
		public long seed = 1;
		/** Point samples per detector pixel along each axis. */
		public int supersample = 2;
		/** A phantom to show instead of the named one (e.g. a compressed DAC sample), or null. */
		public Phantom3D customPhantom;
		/** Unbinned detector pixel size in um; NaN: the phantom fills about 40 % of the field. */
		public double pixelUm = Double.NaN;
		/** A 2D spectral sample to show instead of the 3D phantom (frames show its optical density at the current energy), or null. */
		public XanesSample xanesSample;
		/** Relative magnification change per eV: the image scale is {@code 1 + k (E - 8500 eV)}; 0: none. */
		public double magnificationPerEv = 0;
		/** Largest displacement per energy move (unbinned pixels), uniform in [-max, max]; 0: energy moves do not displace. */
		public double energyRunoutPx = 0;
	}

	/** One rotation (or energy) move's run-out: the angle (energy) moved to and the sample's true offset (unbinned pixels). */
	public static final class Runout {
		public final double angleDeg, dxPx, dyPx;
		/** The energy moved to, for a displacement by an energy move; NaN for rotation moves. */
		public final double energyEv;

		Runout(double angleDeg, double dxPx, double dyPx) {
			this(angleDeg, Double.NaN, dxPx, dyPx);
		}

		Runout(double angleDeg, double energyEv, double dxPx, double dyPx) {
			this.angleDeg = angleDeg;
			this.energyEv = energyEv;
			this.dxPx = dxPx;
			this.dyPx = dyPx;
		}
	}

	private final Config cfg;
	private final LoopbackServerContext context;
	private final Map<String, SimMotor> motors = new LinkedHashMap<>();
	private final SimMotor energy;
	private final Phantom3D phantom;
	private final double pixelUm;
	private final Map<Integer, ScanSimulator> simulators = new ConcurrentHashMap<>();
	private final ScheduledExecutorService clock;
	private final ExecutorService camera;
	private final List<Runout> runouts = Collections.synchronizedList(new ArrayList<>());
	private final Random runoutRandom;
	private final long startNanos = System.nanoTime();
	private final SimPV acquire, acquireTime, binX, binY, counter, shutter, data, size0, size1, uniqueId;
	private volatile double runoutX, runoutY;
	private volatile boolean acquiring;
	private final List<ProcessVariableWriteCallback> acquireWaiting = new ArrayList<>();

	private InstrumentSimulator(Config cfg) {
		this.cfg = cfg;
		phantom = cfg.xanesSample != null ? cfg.xanesSample.phantom(DESIGN_ENERGY_EV, 1)
			: cfg.customPhantom != null ? cfg.customPhantom : phantom(cfg.phantom);
		double[] e = phantom.extent();
		pixelUm = Double.isFinite(cfg.pixelUm) ? cfg.pixelUm : 2.4 * Math.max(e[0], e[1]) / cfg.width;
		runoutRandom = new Random(cfg.seed * 31 + 7);
		DefaultServerImpl server = new LoopbackOnlyServer();
		String p = cfg.prefix;
		long seed = cfg.seed;
		for (String a : AXES) {
			boolean rot = a.equals("T");
			motors.put(a, new SimMotor(server, p + a, rot ? "deg" : "um", 0, rot ? 30 : 500, rot ? -185 : -20000, rot ? 185 : 20000,
				cfg.speed, cfg.backlash, cfg.settleNoise, seed++));
		}
		motors.get("ZPZ").moveTo(zonePlateFocus(DESIGN_ENERGY_EV));
		energy = new SimMotor(server, p + "ENERGY", "eV", DESIGN_ENERGY_EV, 100, 4000, 15000, cfg.speed, cfg.backlash, 0.01, seed);
		motors.put("ENERGY", energy);
		energy.val.onWrite(this::energyMove);
		energy.onArrival(this::energyArrived);
		motors.get("T").onArrival(this::rotated);

		int n = cfg.width * cfg.height;
		acquire = SimPV.integer(p + "cam1:Acquire", null, 0).onWrite(this::startAcquire);
		acquireTime = SimPV.number(p + "cam1:AcquireTime", null, 1, "s");
		binX = SimPV.integer(p + "cam1:BinX", null, 1);
		binY = SimPV.integer(p + "cam1:BinY", null, 1);
		counter = SimPV.integer(p + "cam1:ArrayCounter_RBV", null, 0);
		shutter = SimPV.integer(p + "cam1:ShutterControl", null, 1);
		data = SimPV.shorts(p + "image1:ArrayData", null, n);
		size0 = SimPV.integer(p + "image1:ArraySize0_RBV", null, cfg.width);
		size1 = SimPV.integer(p + "image1:ArraySize1_RBV", null, cfg.height);
		uniqueId = SimPV.integer(p + "image1:UniqueId_RBV", null, 0);
		for (SimPV pv : new SimPV[] { acquire, acquireTime, binX, binY, counter, shutter, data, size0, size1, uniqueId })
			server.registerProcessVariable(pv);

		clock = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "txm-sim-clock"));
		camera = Executors.newSingleThreadExecutor(r -> daemon(r, "txm-sim-ccd"));
		int port = cfg.port > 0 ? cfg.port : Loopback.freePort();
		context = new LoopbackServerContext(port);
		try {
			context.start(server);
		}
		catch (RuntimeException ex) {
			clock.shutdownNow();
			camera.shutdownNow();
			throw ex;
		}
		clock.scheduleAtFixedRate(this::tick, 2, 2, TimeUnit.MILLISECONDS);
	}

	/** Starts a simulator serving on 127.0.0.1. */
	public static InstrumentSimulator start(Config cfg) {
		if (cfg.width < 8 || cfg.height < 8 || cfg.width > 4096 || cfg.height > 4096)
			throw new TxmException("simulated detector must be 8..4096 pixels a side, got " + cfg.width + "x" + cfg.height);
		if (!(cfg.speed > 0)) throw new TxmException("simulator speed must be > 0, got " + cfg.speed);
		return new InstrumentSimulator(cfg);
	}

	private static Thread daemon(Runnable r, String name) {
		Thread t = new Thread(r, name);
		t.setDaemon(true);
		return t;
	}

	/** The phantoms a simulator can show. */
	public static Phantom3D phantom(String name) {
		String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		DacSample.Shape shape;
		switch (n) {
			case "dac-cube": shape = DacSample.Shape.CUBE; break;
			case "dac-sphere": shape = DacSample.Shape.SPHERE; break;
			case "dac-cylinder": shape = DacSample.Shape.CYLINDER; break;
			default: throw new TxmException("phantom '" + name + "' is not known; expected dac-cube, dac-sphere or dac-cylinder");
		}
		return new DacSample(shape, 4, 0.3).beads(4, 0.4, 11).phantom();
	}

	public int port() {
		return context.getServerPort();
	}

	public String prefix() {
		return cfg.prefix;
	}

	/** Unbinned detector pixel size in um (the phantom fills about 40 % of the field). */
	public double pixelUm() {
		return pixelUm;
	}

	public Config config() {
		return cfg;
	}

	/** True run-out of every rotation move so far, in order. */
	public List<Runout> runout() {
		synchronized (runouts) {
			return new ArrayList<>(runouts);
		}
	}

	/** The forward model for a binning (detector size and pixel size binned). */
	public ScanSimulator scanSimulator(int bin) {
		return simulators.computeIfAbsent(bin, b -> detector(phantom, b));
	}

	private ScanSimulator detector(Phantom3D shown, int b) {
		return new ScanSimulator(shown).detector(cfg.width / b, cfg.height / b, pixelUm * b).supersample(cfg.supersample)
			.counts(cfg.photonsPerSecond * b * b, 1, 1, cfg.darkCounts).drift(cfg.driftPerHour, cfg.driftTilt);
	}

	/** Image magnification at an energy relative to 8500 eV ({@link Config#magnificationPerEv}). */
	public double magnification(double energyEv) {
		return 1 + cfg.magnificationPerEv * (energyEv - DESIGN_ENERGY_EV);
	}

	/** Absorbance scale at an energy: attenuation falls as E^-3 away from edges. */
	public static double absorbanceScale(double energyEv) {
		return energyEv > 0 ? Math.pow(DESIGN_ENERGY_EV / energyEv, 3) : 1;
	}

	/** Zone-plate focus position (um) at an energy: the focal length grows in proportion to E. */
	public static double zonePlateFocus(double energyEv) {
		return 2000 * energyEv / DESIGN_ENERGY_EV;
	}

	/** Simulated seconds since the simulator started. */
	public double simSeconds() {
		return (System.nanoTime() - startNanos) * 1e-9 * cfg.speed;
	}

	private void tick() {
		long now = System.nanoTime();
		for (SimMotor m : motors.values()) m.tick(now);
	}

	private void rotated(double angle) {
		double dx = (2 * runoutRandom.nextDouble() - 1) * cfg.runoutPx, dy = (2 * runoutRandom.nextDouble() - 1) * cfg.runoutPx;
		runoutX = dx;
		runoutY = dy;
		runouts.add(new Runout(angle, dx, dy));
	}

	private void energyArrived(double ev) {
		if (!(cfg.energyRunoutPx > 0)) return;
		double dx = (2 * runoutRandom.nextDouble() - 1) * cfg.energyRunoutPx, dy = (2 * runoutRandom.nextDouble() - 1) * cfg.energyRunoutPx;
		runoutX = dx;
		runoutY = dy;
		runouts.add(new Runout(motors.get("T").readback(), ev, dx, dy));
	}

	private CAStatus energyMove(double ev, ProcessVariableWriteCallback done) {
		SimMotor zpz = motors.get("ZPZ");
		CAStatus s = energy.request(ev, done);
		if (!energy.limitViolated()) zpz.moveTo(zonePlateFocus(ev));
		return s;
	}

	private CAStatus startAcquire(double v, ProcessVariableWriteCallback done) {
		if (v == 0) return CAStatus.NORMAL;
		synchronized (acquireWaiting) {
			if (done != null) acquireWaiting.add(done);
			if (acquiring) return done == null ? CAStatus.NORMAL : null;
			acquiring = true;
		}
		double exposure = Math.max(0, acquireTime.doubleValue());
		int bin = (int) Math.max(1, Math.round(binX.doubleValue()));
		boolean open = shutter.doubleValue() != 0;
		long frame = Math.round(uniqueId.doubleValue()) + 1;
		camera.submit(() -> acquireFrame(exposure, bin, open, frame));
		return done == null ? CAStatus.NORMAL : null;
	}

	private void acquireFrame(double exposure, int bin, boolean open, long frame) {
		try {
			long t0 = System.nanoTime();
			double angle = motors.get("T").readback(), x = motors.get("X").readback(), y = motors.get("Y").readback();
			double ev = energy.readback(), time = simSeconds();
			float[] counts = frame(angle, x, y, ev, time, exposure, bin, open, cfg.seed * 7919 + frame);
			long wait = Math.round(exposure / cfg.speed * 1e9) - (System.nanoTime() - t0);
			if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
			int w = cfg.width / bin, h = cfg.height / bin;
			short[] raw = new short[w * h];
			for (int i = 0; i < raw.length; i++) raw[i] = (short) Math.min(65535, Math.max(0, Math.round(counts[i])));
			size0.set(w);
			size1.set(h);
			data.setShorts(raw, raw.length);
			uniqueId.set(frame);
			counter.set(counter.doubleValue() + 1);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		finally {
			List<ProcessVariableWriteCallback> done;
			synchronized (acquireWaiting) {
				acquiring = false;
				done = new ArrayList<>(acquireWaiting);
				acquireWaiting.clear();
			}
			acquire.set(0);
			for (ProcessVariableWriteCallback cb : done) cb.processVariableWriteCompleted(CAStatus.NORMAL);
		}
	}

	/**
	 * The counts the CCD records for a sample-stage state: rotation {@code angleDeg}, stage {@code x, y}
	 * (um), energy, simulated time, exposure, binning; the sample is displaced by the stage position
	 * plus the current run-out, and is out of the field (open beam) when the stage moved it clear.
	 */
	public float[] frame(double angleDeg, double xUm, double yUm, double energyEv, double simSeconds, double exposureS, int bin,
		boolean shutterOpen, long noiseSeed) {
		double dx = (xUm / pixelUm + runoutX) / bin, dy = (yUm / pixelUm + runoutY) / bin;
		XanesSample xs = cfg.xanesSample;
		if (xs != null) {
			double m = magnification(energyEv), reach = xs.radiusUm() * m;
			boolean inBeam = Math.abs(xUm) < cfg.width * pixelUm / 2 + reach && Math.abs(yUm) < cfg.height * pixelUm / 2 + reach;
			ScanSimulator s = detector(xs.phantom(energyEv, m), bin);
			return s.rawFrame(0, dx, dy, inBeam, shutterOpen, 1, simSeconds / 3600, exposureS, noiseSeed);
		}
		ScanSimulator s = scanSimulator(bin);
		double[] e = phantom.extent();
		double reachU = Math.hypot(e[0], e[1]), halfW = cfg.width * pixelUm / 2, halfH = cfg.height * pixelUm / 2;
		boolean inBeam = Math.abs(xUm) < halfW + reachU && Math.abs(yUm) < halfH + e[2];
		return s.rawFrame(angleDeg, dx, dy, inBeam, shutterOpen, absorbanceScale(energyEv), simSeconds / 3600, exposureS, noiseSeed);
	}

	/** Current run-out {dx, dy} in unbinned pixels. */
	public double[] currentRunout() {
		return new double[] { runoutX, runoutY };
	}

	/** Stops serving; clients see their channels disconnect. */
	@Override
	public void close() {
		clock.shutdownNow();
		camera.shutdownNow();
		context.close();
	}

	/** jca's in-memory server, answering searches and connections from loopback clients only. */
	private static final class LoopbackOnlyServer extends DefaultServerImpl {
		@Override
		public ProcessVariableExistanceCompletion processVariableExistanceTest(String name, InetSocketAddress client,
			ProcessVariableExistanceCallback cb) throws CAException {
			if (client != null && !client.getAddress().isLoopbackAddress()) return ProcessVariableExistanceCompletion.DOES_NOT_EXIST_HERE;
			return super.processVariableExistanceTest(name, client, cb);
		}
	}
}
