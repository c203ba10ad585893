package org.txmsuite.sim;

/** A cylinder with a vertical axis (parallel to the rotation axis): radius r, from z0 to z1 (um). */
public final class Cylinder implements Solid {
	private final double cx, cy, r, z0, z1;

	public Cylinder(double cx, double cy, double r, double z0, double z1) {
		this.cx = cx;
		this.cy = cy;
		this.r = r;
		this.z0 = Math.min(z0, z1);
		this.z1 = Math.max(z0, z1);
	}

	@Override
	public double chord(double u, double z, double cos, double sin) {
		if (z < z0 || z > z1) return 0;
		return Solid.discChord(u - (cx * cos + cy * sin), r);
	}

	@Override
	public boolean contains(double x, double y, double z) {
		double dx = x - cx, dy = y - cy;
		return z >= z0 && z <= z1 && dx * dx + dy * dy <= r * r;
	}

	@Override
	public double volume() {
		return Math.PI * r * r * (z1 - z0);
	}

	@Override
	public double surface() {
		return 2 * Math.PI * r * r + 2 * Math.PI * r * (z1 - z0);
	}

	@Override
	public double[] extent() {
		return new double[] { Math.abs(cx) + r, Math.abs(cy) + r, Math.max(Math.abs(z0), Math.abs(z1)) };
	}
}
