package org.txmsuite.sim;

/**
 * A rectangular box centred at (cx, cy, cz) with half-sizes (hx, hy, hz) in um, turned by
 * {@code phiDeg} about the vertical axis. A cube is a box with equal half-sizes.
 */
public final class Box implements Solid {
	private final double cx, cy, cz, hx, hy, hz, cphi, sphi;

	public Box(double cx, double cy, double cz, double hx, double hy, double hz, double phiDeg) {
		this.cx = cx;
		this.cy = cy;
		this.cz = cz;
		this.hx = hx;
		this.hy = hy;
		this.hz = hz;
		this.cphi = Math.cos(Math.toRadians(phiDeg));
		this.sphi = Math.sin(Math.toRadians(phiDeg));
	}

	@Override
	public double chord(double u, double z, double cos, double sin) {
		if (Math.abs(z - cz) > hz) return 0;
		// Ray: p = t n + s d relative to the centre, n = (cos, sin), d = (-sin, cos); into the box frame.
		double t = u - (cx * cos + cy * sin);
		double nx = cos * cphi + sin * sphi, ny = -cos * sphi + sin * cphi; // n rotated by -phi
		double dx = -ny, dy = nx;
		double px = t * nx, py = t * ny;
		double lo = Double.NEGATIVE_INFINITY, hi = Double.POSITIVE_INFINITY;
		if (Math.abs(dx) < 1e-15) {
			if (Math.abs(px) > hx) return 0;
		}
		else {
			double a = (-hx - px) / dx, b = (hx - px) / dx;
			lo = Math.max(lo, Math.min(a, b));
			hi = Math.min(hi, Math.max(a, b));
		}
		if (Math.abs(dy) < 1e-15) {
			if (Math.abs(py) > hy) return 0;
		}
		else {
			double a = (-hy - py) / dy, b = (hy - py) / dy;
			lo = Math.max(lo, Math.min(a, b));
			hi = Math.min(hi, Math.max(a, b));
		}
		return hi > lo ? hi - lo : 0;
	}

	@Override
	public boolean contains(double x, double y, double z) {
		double dx = x - cx, dy = y - cy;
		double bx = dx * cphi + dy * sphi, by = -dx * sphi + dy * cphi;
		return Math.abs(bx) <= hx && Math.abs(by) <= hy && Math.abs(z - cz) <= hz;
	}

	@Override
	public double volume() {
		return 8 * hx * hy * hz;
	}

	@Override
	public double surface() {
		return 8 * (hx * hy + hy * hz + hx * hz);
	}

	@Override
	public double[] extent() {
		double rxy = Math.hypot(hx, hy);
		return new double[] { Math.abs(cx) + rxy, Math.abs(cy) + rxy, Math.abs(cz) + hz };
	}
}
