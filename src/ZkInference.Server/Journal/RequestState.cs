namespace ZkInference.Server.Journal;

/// <summary>Where a request stands in this server's hands.</summary>
public enum RequestState
{
    /// <summary>Seen on chain; waiting for the user's input.</summary>
    AwaitingInput,
    /// <summary>Input received and checked; waiting for a prover slot.</summary>
    Queued,
    /// <summary>The witness and proof are being computed.</summary>
    Proving,
    /// <summary>
    /// A transaction may have been sent. After a restart in this state the server asks the chain before
    /// sending again, so a request is never submitted twice.
    /// </summary>
    Submitting,
    /// <summary>The market accepted the proof and settled the request.</summary>
    Settled,
    /// <summary>The market refused the submission (the proof did not verify).</summary>
    Rejected,
    /// <summary>The request closed without this server (fulfilled elsewhere, cancelled or refunded).</summary>
    Closed,
    /// <summary>The server could not serve it (bad input, proving error); the reason is kept.</summary>
    Failed,
}

/// <summary>Final states are never left.</summary>
public static class RequestStateExtensions
{
    /// <summary>True for states a request never leaves.</summary>
    public static bool IsFinal(this RequestState state) =>
        state is RequestState.Settled or RequestState.Rejected or RequestState.Closed or RequestState.Failed;
}
