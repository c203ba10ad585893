/**
 * Tomographic reconstruction for parallel-beam TXM data, including limited-angle (missing-wedge)
 * scans from diamond-anvil cells: a matched Joseph projector/back-projector ({@link org.txmsuite.recon.Projector}),
 * ART, SART and SIRT with constraints and TV ({@link org.txmsuite.recon.SliceSolver}), FBP
 * ({@link org.txmsuite.recon.Fbp}), whole volumes on all cores ({@link org.txmsuite.recon.Reconstructor}),
 * and angle specifications ({@link org.txmsuite.recon.AngleSpec}).
 *
 * <h2>Geometry (shared by the whole suite)</h2>
 * <ul>
 * <li>Parallel beam; rotation about the vertical (detector y) axis; volume slice z is detector row z.</li>
 * <li>In a slice of N x N pixels, pixel (i, j) (i = column x, j = row) has centre
 * {@code x = i - (N-1)/2}, {@code y = j - (N-1)/2} in pixels.</li>
 * <li>At angle theta (degrees) a point projects to detector coordinate
 * {@code u = x cos(theta) + y sin(theta) + center + dx[a]}; detector pixels are unit wide, pixel u is
 * centred at u, {@code center} defaults to {@code (W-1)/2}; {@code dx[a]} is an optional horizontal
 * shift of projection a.</li>
 * <li>An optional vertical shift {@code dy[a]}: row {@code z + dy[a]} of projection a holds slice z.</li>
 * <li>Projections are absorbance (line integrals of the attenuation per pixel length); sinograms are
 * row-major {@code float[nAngles * W]}.</li>
 * </ul>
 */
package org.txmsuite.recon;
