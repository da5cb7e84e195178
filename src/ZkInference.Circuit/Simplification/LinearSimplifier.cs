using ZkInference.Circuit.Internal;
using ZkInference.Field;

namespace ZkInference.Circuit.Simplification;

/// <summary>
/// Removes linear constraints by substitution, as circom's --O2 does: each constraint whose product side is
/// constant (0·0 = C, or k·B = C) is solved for one internal wire, which is then replaced everywhere by the
/// resulting combination. Public outputs, public and private inputs are never eliminated. The result keeps the
/// remaining wires in order and maps them to the original wires' labels (the .r1cs wire-to-label map).
/// </summary>
internal static class LinearSimplifier
{
    public static (ConstraintSystem System, int[] KeptWires) Simplify(ConstraintSystem cs)
    {
        int firstInternal = 1 + cs.PublicCount + cs.PrivateInputCount;
        var subst = new Dictionary<int, Dictionary<int, Fr>>();
        var usedBy = new Dictionary<int, HashSet<int>>(); // wire -> eliminated wires whose substitution mentions it
        var dropped = new bool[cs.ConstraintCount];
        for (int i = 0; i < cs.ConstraintCount; i++)
        {
            Dictionary<int, Fr>? linear = LinearForm(cs, i);
            if (linear is null) continue;
            Dictionary<int, Fr> l = Reduce(linear, subst);
            int pivot = -1;
            foreach (int w in l.Keys) if (w >= firstInternal && w > pivot) pivot = w;
            if (l.Count == 0) { dropped[i] = true; continue; }
            if (pivot < 0) continue;
            // pivot = −(L − c·pivot)/c
            Fr c = l[pivot];
            l.Remove(pivot);
            Fr k = -c.Inverse();
            var expr = new Dictionary<int, Fr>(l.Count);
            foreach (var (w, v) in l) expr[w] = v * k;
            // Earlier substitutions that mention the pivot now use its expression.
            if (usedBy.Remove(pivot, out HashSet<int>? users))
            {
                foreach (int u in users)
                {
                    Dictionary<int, Fr> e = subst[u];
                    if (!e.Remove(pivot, out Fr coef)) continue;
                    foreach (var (w, v) in expr) Accumulate(e, w, v * coef);
                    foreach (int w in expr.Keys) Track(usedBy, w, u);
                }
            }
            subst[pivot] = expr;
            foreach (int w in expr.Keys) Track(usedBy, w, pivot);
            dropped[i] = true;
        }

        // Renumber the surviving wires and rewrite the surviving constraints.
        var newIndex = new int[cs.WireCount];
        var kept = new List<int>(cs.WireCount - subst.Count);
        for (int w = 0; w < cs.WireCount; w++)
        {
            if (subst.ContainsKey(w)) { newIndex[w] = -1; continue; }
            newIndex[w] = kept.Count;
            kept.Add(w);
        }
        var store = new ConstraintStore(cs.ConstraintCount, (int)Math.Min(int.MaxValue, cs.TermCount));
        var oldLabels = new Dictionary<int, string>();
        for (int i = 0; i < cs.ConstraintCount; i++)
        {
            if (dropped[i]) continue;
            for (int m = 0; m < 3; m++)
            {
                SparseRow row = cs.Row((R1csMatrix)m, i);
                var lc = new Dictionary<int, Fr>(row.Count);
                for (int k = 0; k < row.Count; k++) Accumulate(lc, row.Wires[k], row.Coefficients[k]);
                foreach (var (w, v) in Reduce(lc, subst).OrderBy(p => p.Key)) store.AddTerm(newIndex[w], v);
                store.EndRow();
            }
        }
        store.Trim();
        var labels = new long[kept.Count];
        var names = new Dictionary<int, string>();
        for (int n = 0; n < kept.Count; n++)
        {
            labels[n] = cs.LabelOf(kept[n]);
            if (cs.WireNames.TryGetValue(kept[n], out string? name)) names[n] = name;
        }
        var result = new ConstraintSystem(store, kept.Count, cs.PublicOutputCount, cs.PublicInputCount, cs.PrivateInputCount)
        {
            LabelCount = cs.LabelCount,
            WireLabels = labels,
            WireNames = names,
            WireArrays = cs.WireArrays, // inputs are never eliminated and keep their indices
        };
        return (result, kept.ToArray());
    }

    // L with L = 0 equivalent to the constraint, or null when the constraint is not linear.
    private static Dictionary<int, Fr>? LinearForm(ConstraintSystem cs, int i)
    {
        SparseRow a = cs.A(i), b = cs.B(i), c = cs.C(i);
        var l = new Dictionary<int, Fr>();
        if (a.Count != 0 && b.Count != 0)
        {
            bool aConst = a.Count == 1 && a.Wires[0] == 0, bConst = b.Count == 1 && b.Wires[0] == 0;
            if (!aConst && !bConst) return null;
            SparseRow other = aConst ? b : a;
            Fr k = aConst ? a.Coefficients[0] : b.Coefficients[0];
            for (int t = 0; t < other.Count; t++) Accumulate(l, other.Wires[t], other.Coefficients[t] * k);
        }
        for (int t = 0; t < c.Count; t++) Accumulate(l, c.Wires[t], -c.Coefficients[t]);
        return l;
    }

    private static Dictionary<int, Fr> Reduce(Dictionary<int, Fr> lc, Dictionary<int, Dictionary<int, Fr>> subst)
    {
        var r = new Dictionary<int, Fr>(lc.Count);
        foreach (var (w, v) in lc)
        {
            if (subst.TryGetValue(w, out Dictionary<int, Fr>? e))
                foreach (var (w2, v2) in e) Accumulate(r, w2, v2 * v);
            else Accumulate(r, w, v);
        }
        return r;
    }

    private static void Accumulate(Dictionary<int, Fr> lc, int wire, in Fr value)
    {
        if (value.IsZero) return;
        Fr sum = lc.TryGetValue(wire, out Fr old) ? old + value : value;
        if (sum.IsZero) lc.Remove(wire);
        else lc[wire] = sum;
    }

    private static void Track(Dictionary<int, HashSet<int>> usedBy, int wire, int user)
    {
        if (!usedBy.TryGetValue(wire, out HashSet<int>? set)) usedBy[wire] = set = [];
        set.Add(user);
    }
}
