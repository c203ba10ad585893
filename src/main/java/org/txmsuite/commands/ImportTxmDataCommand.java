package org.txmsuite.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.io.File;
import java.util.Locale;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.core.FrameStack;
import org.txmsuite.core.MetadataCodec;
import org.txmsuite.core.TxmException;
import org.txmsuite.io.FrameTable;
import org.txmsuite.service.TxmService;

/**
 * Imports real TXM data as a stack with the suite's metadata (angles, energies, exposures, pixel size,
 * frame kinds) and lists its frames.
 */
@Plugin(type = Command.class, label = "Import TXM Data", menuPath = "Plugins>TXM Suite>Import>Import TXM Data")
public class ImportTxmDataCommand extends ContextCommand {
	@Parameter
	private TxmService txm;

	@Parameter(label = "Data", style = "both", description = "an .xrm, .txrm, FXI or Data Exchange .h5, TIFF stack, "
		+ "folder of .xrm frames, or TXM-Wizard ScanInfo_*.txt")
	private File path;

	@Parameter(label = "Bin on import", min = "1", max = "16", description = "average n x n pixels while reading (1: full size)")
	private int binning = 1;

	@Parameter(label = "Average repeated exposures", description = "average NEXPOSURES / REFNEXPOSURES as a ScanInfo declares")
	private boolean average_repeats = true;

	@Parameter(label = "Include embedded reference", description = "append the reference image stored in an .xrm/.txrm as a flat frame")
	private boolean include_reference = true;

	@Parameter(label = "Open lazily (virtual stack)", description = ".txrm/.xrm only: read frames on demand, for series larger than memory")
	private boolean virtual = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Stack")
	private ImagePlus stack;

	@Parameter(type = ItemIO.OUTPUT, label = "Frames")
	private ResultsTable frames;

	@Override
	public void run() {
		String name = path.getName().toLowerCase(Locale.ROOT);
		if (virtual) {
			if (!name.endsWith(".txrm") && !name.endsWith(".xrm"))
				throw new TxmException("virtual=true needs an .xrm or .txrm file, got " + path);
			stack = txm.openVirtual(path.toPath(), binning);
			frames = FrameTable.of(MetadataCodec.decodeFrames(String.valueOf(stack.getProperty("Info"))));
			return;
		}
		FrameStack s = txm.importData(path.toPath(), binning, average_repeats, include_reference,
			txm.progress("Import TXM Data", this::isCanceled));
		stack = txm.image(s, path.getName());
		frames = FrameTable.of(s);
	}
}
