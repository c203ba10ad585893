package org.txmsuite.sim;

/** A ball of radius {@code r} (um) centred at (cx, cy, cz). */
public final class Sphere implements Solid {
	private final double cx, cy, cz, r;

	public Sphere(double cx, double cy, double cz, double r) {
		this.cx = cx;
		this.cy = cy;
		this.cz = cz;
		this.r = r;
	}

	@Override
	public double chord(double u, double z, double cos, double sin) {
		double dz = z - cz, r2 = r * r - dz * dz;
		if (r2 <= 0) return 0;
		double t = u - (cx * cos + cy * sin), s = r2 - t * t;
		return s > 0 ? 2 * Math.sqrt(s) : 0;
	}

	@Override
	public boolean contains(double x, double y, double z) {
		double dx = x - cx, dy = y - cy, dz = z - cz;
		return dx * dx + dy * dy + dz * dz <= r * r;
	}

	@Override
	public double volume() {
		return 4.0 / 3.0 * Math.PI * r * r * r;
	}

	@Override
	public double surface() {
		return 4 * Math.PI * r * r;
	}

	@Override
	public double[] extent() {
		return new double[] { Math.abs(cx) + r, Math.abs(cy) + r, Math.abs(cz) + r };
	}
}
