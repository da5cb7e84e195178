using ZkInference.Onnx.Model;

namespace ZkInference.Onnx.Ops;

/// <summary>The sliding-window geometry shared by Conv and the pools: strides, dilations, pads (auto_pad resolved), output size.</summary>
internal sealed record Window(int[] Strides, int[] Dilations, int[] PadsBegin, int[] PadsEnd, int[] Out)
{
    public static Window Resolve(OnnxNode node, int[] input, int[] kernel, bool ceilMode = false)
    {
        int n = input.Length;
        int[] strides = Ints(node, "strides", n, 1), dilations = Ints(node, "dilations", n, 1);
        long[]? pads = node.Ints("pads");
        if (pads is not null && pads.Length != 2 * n) throw node.Error($"pads needs {2 * n} values");
        var begin = new int[n]; var end = new int[n]; var output = new int[n];
        string autoPad = node.String("auto_pad", "NOTSET");
        for (int i = 0; i < n; i++)
        {
            if (strides[i] < 1 || dilations[i] < 1) throw node.Error("strides and dilations must be positive");
            int effective = (kernel[i] - 1) * dilations[i] + 1;
            switch (autoPad)
            {
                case "NOTSET":
                    begin[i] = pads is null ? 0 : (int)pads[i];
                    end[i] = pads is null ? 0 : (int)pads[i + n];
                    break;
                case "VALID":
                    break;
                case "SAME_UPPER" or "SAME_LOWER":
                    int target = (input[i] + strides[i] - 1) / strides[i];
                    int total = Math.Max(0, (target - 1) * strides[i] + effective - input[i]);
                    begin[i] = autoPad == "SAME_UPPER" ? total / 2 : total - total / 2;
                    end[i] = total - begin[i];
                    break;
                default:
                    throw node.Error($"auto_pad '{autoPad}' is not supported");
            }
            if (begin[i] < 0 || end[i] < 0) throw node.Error("negative pads are not supported");
            int span = input[i] + begin[i] + end[i] - effective;
            if (span < 0) throw node.Error("the kernel is larger than the padded input");
            output[i] = (ceilMode ? (span + strides[i] - 1) / strides[i] : span / strides[i]) + 1;
            // With ceil_mode, a last window starting in the end padding is dropped (as ONNX Runtime does).
            if (ceilMode && (output[i] - 1) * strides[i] >= input[i] + begin[i]) output[i]--;
        }
        return new Window(strides, dilations, begin, end, output);
    }

    private static int[] Ints(OnnxNode node, string name, int n, int fallback)
    {
        long[]? v = node.Ints(name);
        if (v is null) return Enumerable.Repeat(fallback, n).ToArray();
        if (v.Length != n) throw node.Error($"{name} needs {n} values");
        return v.Select(x => (int)x).ToArray();
    }
}
