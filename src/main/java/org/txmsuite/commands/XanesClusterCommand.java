package org.txmsuite.commands;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.txmsuite.xanes.ClusterAnalysis;
import org.txmsuite.xanes.XanesResult;

/** PCA and seeded k-means of the normalized spectra inside the mask, to find phases nobody asked for. */
@Plugin(type = Command.class, label = "XANES Cluster Analysis", menuPath = "Plugins>TXM Suite>XANES>XANES Cluster Analysis")
public class XanesClusterCommand extends AbstractXanesCommand {
	@Parameter(label = "Clusters", min = "2", max = "20")
	private int clusters = 4;

	@Parameter(label = "PCA components", min = "1", max = "50", description = "principal components k-means works on")
	private int components = 4;

	@Parameter(label = "Random seed", description = "seed of the k-means++ starts (same seed, same clusters)")
	private long seed = 1;

	@Parameter(type = ItemIO.OUTPUT, label = "Labels")
	private ImagePlus labels;

	@Parameter(type = ItemIO.OUTPUT, label = "Cluster spectra")
	private ResultsTable cluster_spectra;

	@Parameter(type = ItemIO.OUTPUT, label = "Cluster plot")
	private ImagePlus cluster_plot;

	@Parameter(type = ItemIO.OUTPUT, label = "PCA explained variance")
	private ResultsTable pca;

	@Override
	public void run() {
		XanesResult r = ClusterAnalysis.run(data(), options(), clusters, components, seed, progress("XANES Cluster Analysis"));
		labels = out(r, "labels", ImagePlus.class);
		cluster_spectra = out(r, "cluster_spectra", ResultsTable.class);
		cluster_plot = out(r, "cluster_plot", ImagePlus.class);
		pca = out(r, "pca", ResultsTable.class);
		common(r);
	}
}
