package org.txmsuite.sim;

/**
 * A 3D shape with closed-form chord lengths for parallel rays, used to compute projections
 * analytically (never on a voxel grid, so tests do not commit the inverse crime).
 *
 * <p>Coordinates (um): x horizontal across the detector at theta = 0, y along the beam at theta = 0,
 * z vertical (down, like detector rows). The sample turns about z: at angle theta a point projects to
 * detector coordinate {@code u = x cos(theta) + y sin(theta)}; a ray is the line {@code p . n = u}
 * with {@code n = (cos, sin)} at height z.
 */
public interface Solid {
	/** Length (um) of the ray at detector coordinate {@code u} (um) and height {@code z} (um) inside the solid. */
	double chord(double u, double z, double cos, double sin);

	/** True if the point (um) is inside. */
	boolean contains(double x, double y, double z);

	/** Exact volume in um^3. */
	double volume();

	/** Exact surface area in um^2. */
	double surface();

	/** Half-extent of the solid's bounding box about the origin, per axis {x, y, z}, in um. */
	double[] extent();

	/** Chord of the ray {@code p . n = t} (relative to a centre) through the disc of radius r. */
	static double discChord(double t, double r) {
		double s = r * r - t * t;
		return s > 0 ? 2 * Math.sqrt(s) : 0;
	}
}
