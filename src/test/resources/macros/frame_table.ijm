// Runs a TXM Suite command from a plain ImageJ 1.x macro, headless.
// The test passes the stack's path as the macro argument.
path = getArgument();
setBatchMode(true);
open(path);
run("Frame Table", "input=[" + getTitle() + "]");
print("frames=" + nResults + " first=" + getResultString("kind", 0) + " last_angle=" + getResult("angle_deg", nResults - 1));
