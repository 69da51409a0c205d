// ./build.sh runs this: the task graph (pipeline.cake) with its own targets only.
// ./build.sh --tree draws the graph; ./build.sh --help lists targets, arguments and environment variables.

#load "pipeline.cake"

RunPipeline();
