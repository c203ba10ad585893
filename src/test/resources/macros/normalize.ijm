// Normalizes a stack with frame kinds from a plain ImageJ 1.x macro, headless.
// The test passes "<input path>|<output path>" as the macro argument.
args = split(getArgument(), "|");
setBatchMode(true);
open(args[0]);
run("Normalize by References", "input=[" + getTitle() + "] output=absorbance interpolation=linear");
saveAs("Tiff", args[1]);
