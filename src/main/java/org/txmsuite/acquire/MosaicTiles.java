package org.txmsuite.acquire;

import java.util.ArrayList;
import java.util.List;

import org.txmsuite.core.TxmException;

/**
 * A grid of overlapping fields of view covering an area larger than one field, centred on the
 * sample. Neighbouring tiles are {@code fov (1 - overlap)} apart; the tile count per direction is the
 * smallest odd number whose tiles cover the requested size (odd, so the centre tile sits on the
 * centre, as TXM-Wizard's central tile does). Tiles are visited row by row in a serpentine order so
 * the stage never flies back across the whole grid.
 */
public final class MosaicTiles {
	/** One tile: 1-based column and row, stage position in µm. */
	public static final class Tile {
		public final int column, row;
		public final double x, y;

		Tile(int column, int row, double x, double y) {
			this.column = column;
			this.row = row;
			this.x = x;
			this.y = y;
		}
	}

	private MosaicTiles() {}

	/** Number of tiles needed along one direction (odd, at least 1). */
	public static int count(double size, double fov, double overlap) {
		double step = fov * (1 - overlap);
		int n = size <= fov + 1e-9 ? 1 : (int) Math.ceil((size - fov) / step - 1e-9) + 1;
		return n % 2 == 0 ? n + 1 : n;
	}

	/** The tiles covering {@code width x height} µm around ({@code cx}, {@code cy}). */
	public static List<Tile> grid(double cx, double cy, double width, double height, double fov, double overlap) {
		if (!(fov > 0)) throw new TxmException("mosaic_fov_um is " + fov + "; expected the field of view in µm, > 0");
		if (!(overlap >= 0 && overlap <= 0.9)) throw new TxmException("mosaic_overlap is " + overlap + "; expected a fraction from 0 to 0.9");
		if (!(width > 0) || !(height > 0))
			throw new TxmException("mosaic_width_um and mosaic_height_um must be > 0, got " + width + " x " + height);
		int nx = count(width, fov, overlap), ny = count(height, fov, overlap);
		if ((long) nx * ny > 10_000) throw new TxmException("mosaic needs " + nx + " x " + ny + " tiles; expected at most 10000");
		double step = fov * (1 - overlap);
		List<Tile> tiles = new ArrayList<>(nx * ny);
		for (int r = 0; r < ny; r++) {
			for (int k = 0; k < nx; k++) {
				int c = r % 2 == 0 ? k : nx - 1 - k;
				double x = cx + (c - (nx - 1) / 2.0) * step, y = cy + (r - (ny - 1) / 2.0) * step;
				tiles.add(new Tile(c + 1, r + 1, Math.round(x * 1000) / 1000.0, Math.round(y * 1000) / 1000.0));
			}
		}
		return tiles;
	}
}
