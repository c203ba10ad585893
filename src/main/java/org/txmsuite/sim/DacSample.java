package org.txmsuite.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A sample in a diamond anvil cell: a low-Z core (cube, cylinder or sphere of glass) coated with a Pt
 * shell, optional Au marker beads and a ruby sphere, all in pressure medium filling the gasket hole.
 * Sizes in um. The interior (the core, inside the shell) has an exact volume and surface.
 */
public final class DacSample {
	/** Core shapes. */
	public enum Shape { CUBE, CYLINDER, SPHERE }

	private final Shape shape;
	private final double sizeUm, shellUm;
	private double coreMu = Materials.SIO2_GLASS, shellMu = Materials.PT, mediumMu = Materials.MEOH_ETOH;
	private double mediumRadiusUm = Double.NaN, mediumHeightUm = Double.NaN;
	private double phiDeg = 20;
	private final List<double[]> beads = new ArrayList<>();
	private double[] ruby;

	/**
	 * @param sizeUm edge (cube), diameter and height (cylinder) or diameter (sphere) of the core
	 * @param shellUm Pt thickness
	 */
	public DacSample(Shape shape, double sizeUm, double shellUm) {
		this.shape = shape;
		this.sizeUm = sizeUm;
		this.shellUm = shellUm;
	}

	/** Scales the core isotropically (compression): a new sample with the core volume times {@code volumeRatio}. */
	public DacSample compressed(double volumeRatio) {
		double f = Math.cbrt(volumeRatio);
		DacSample d = new DacSample(shape, sizeUm * f, shellUm);
		d.coreMu = coreMu;
		d.shellMu = shellMu;
		d.mediumMu = mediumMu;
		d.mediumRadiusUm = mediumRadiusUm;
		d.mediumHeightUm = mediumHeightUm;
		d.phiDeg = phiDeg;
		for (double[] b : beads) d.beads.add(b.clone());
		d.ruby = ruby == null ? null : ruby.clone();
		return d;
	}

	/** Turns a cube about the rotation axis by this angle at theta = 0 (degrees; default 20). */
	public DacSample rotation(double deg) {
		phiDeg = deg;
		return this;
	}

	public DacSample materials(double coreMu, double shellMu, double mediumMu) {
		this.coreMu = coreMu;
		this.shellMu = shellMu;
		this.mediumMu = mediumMu;
		return this;
	}

	/** Pressure medium filling a gasket hole (vertical cylinder) of this radius and height (um). */
	public DacSample medium(double radiusUm, double heightUm) {
		mediumRadiusUm = radiusUm;
		mediumHeightUm = heightUm;
		return this;
	}

	/** Adds {@code n} Au beads of the given diameter at random places in the medium, clear of the sample. */
	public DacSample beads(int n, double diameterUm, long seed) {
		Random r = new Random(seed);
		double reach = outerHalf() * Math.sqrt(2) + diameterUm;
		for (int i = 0; i < n; i++) {
			double a = r.nextDouble() * 2 * Math.PI, rad = reach + r.nextDouble() * diameterUm * 2;
			double z = (r.nextDouble() - 0.5) * outerHalf();
			beads.add(new double[] { rad * Math.cos(a), rad * Math.sin(a), z, diameterUm / 2 });
		}
		return this;
	}

	/** Adds a ruby sphere (pressure gauge) at a position (um). */
	public DacSample ruby(double x, double y, double z, double diameterUm) {
		ruby = new double[] { x, y, z, diameterUm / 2 };
		return this;
	}

	private double outerHalf() {
		return sizeUm / 2 + shellUm;
	}

	public Shape shape() { return shape; }
	public double sizeUm() { return sizeUm; }
	public double shellUm() { return shellUm; }

	/** The core (interior) solid. */
	public Solid core() {
		return solid(sizeUm / 2);
	}

	/** The outer surface of the shell. */
	public Solid outer() {
		return solid(outerHalf());
	}

	private Solid solid(double half) {
		switch (shape) {
			case CUBE: return new Box(0, 0, 0, half, half, half, phiDeg);
			case CYLINDER: return new Cylinder(0, 0, half, -half, half);
			default: return new Sphere(0, 0, 0, half);
		}
	}

	/** Exact interior volume (um^3): what the Pt-shell segmentation must recover. */
	public double interiorVolumeUm3() {
		return core().volume();
	}

	/** Exact interior surface area (um^2). */
	public double interiorSurfaceUm2() {
		return core().surface();
	}

	/** The sample as a phantom: medium, shell, core, beads and ruby by superposition. */
	public Phantom3D phantom() {
		Phantom3D p = new Phantom3D();
		if (Double.isFinite(mediumRadiusUm)) p.add("medium", new Cylinder(0, 0, mediumRadiusUm, -mediumHeightUm / 2, mediumHeightUm / 2), mediumMu);
		double base = Double.isFinite(mediumRadiusUm) ? mediumMu : 0;
		p.add("shell", outer(), shellMu - base);
		p.add("core", core(), coreMu - shellMu);
		for (double[] b : beads) p.add("bead", new Sphere(b[0], b[1], b[2], b[3]), Materials.AU - base);
		if (ruby != null) p.add("ruby", new Sphere(ruby[0], ruby[1], ruby[2], ruby[3]), Materials.RUBY - base);
		return p;
	}
}
