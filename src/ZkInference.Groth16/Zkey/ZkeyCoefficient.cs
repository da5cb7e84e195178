using ZkInference.Field;

namespace ZkInference.Groth16;

/// <summary>
/// One non-zero entry of the A or B matrix as a zkey's section 4 stores it: row <see cref="Constraint"/>
/// (constraint index, or nConstraints + i for the extra A-row of public signal i), column
/// <see cref="Signal"/> (wire index) and the coefficient <see cref="Value"/> (the plain value; the file
/// stores it as value·R² mod r).
/// </summary>
/// <param name="Matrix">A or B.</param>
/// <param name="Constraint">The row: a constraint index below the domain size.</param>
/// <param name="Signal">The column: a wire index below nVars.</param>
/// <param name="Value">The coefficient.</param>
public readonly record struct ZkeyCoefficient(QapMatrix Matrix, int Constraint, int Signal, Fr Value);
