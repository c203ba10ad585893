// Reconstructs a one-row absorbance projection stack with SART-TV from a plain ImageJ 1.x macro; momentum
// is written alone, the way the macro recorder writes a ticked checkbox.
// Argument: "<projections.tif>|<volume.tif to write>".
args = split(getArgument(), "|");
setBatchMode(true);
open(args[0]);
run("Reconstruct Tomogram", "input=[" + getTitle() + "] angles=[0:134:1] algorithm=SART iterations=5 nonnegative=true tv_weight=0.2 momentum");
selectImage("volume");
saveAs("Tiff", args[1]);
