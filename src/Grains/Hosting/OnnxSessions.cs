using Microsoft.ML.OnnxRuntime;

namespace Naviyam.Hosting;

/// <summary>How every model of the product (intent classifier, text encoder, Wide&amp;Deep) is opened.</summary>
public static class OnnxSessions
{
    /// <summary>
    /// A session that runs on the calling thread only: the models are small and Orleans already runs many grains in
    /// parallel, so ONNX Runtime's own thread pools would only compete with the silo for the same cores.
    /// </summary>
    public static InferenceSession SingleThreaded(byte[] model)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        return new InferenceSession(model, options);
    }
}
