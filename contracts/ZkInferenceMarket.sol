// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title ZkInferenceMarket
/// @notice The inference marketplace of docs/MARKET.md: a model registry with access tiers, requests whose
/// payment is held in escrow, results proven with Groth16 and settled by the model's verifier, pull payments.
/// The C# engine (ZkInference.Market.Engine.MarketEngine) implements the same rules; a differential test keeps
/// them equal, so every check below is in the specification's order.
contract ZkInferenceMarket {
    // ---------------------------------------------------------------- constants

    /// @notice The BN254 scalar field order r: every public signal must be below it.
    uint256 public constant SNARK_SCALAR_FIELD =
        21888242871839275222246405745257275088548364400416034343698204186575808495617;
    uint256 public constant BPS = 10_000;
    uint256 public constant MAX_FEE_BPS = 1_000;
    uint256 public constant MAX_OUTPUTS = 64;
    uint256 public constant MAX_REQUEST_TTL = 30 days;
    uint256 public constant INITIAL_REPUTATION = 50;
    uint256 public constant REPUTATION_REWARD = 1;
    uint256 public constant REPUTATION_PENALTY = 10;
    uint256 public constant SUSPENSION_THRESHOLD = 30;
    /// @notice Gas forwarded to the verifier: base plus one ecMul and ecAdd per public signal, with room to spare.
    uint256 public constant VERIFY_GAS_BASE = 300_000;
    uint256 public constant VERIFY_GAS_PER_SIGNAL = 10_000;

    // ---------------------------------------------------------------- types

    enum RequestStatus { None, Pending, Fulfilled, Rejected, Cancelled }
    enum Payment { Free, PerUse, Subscription, Credit }

    /// @notice What a model charges. perUsePrice 0 makes the model free; a zero period or pack size turns that tier off.
    struct Terms {
        uint256 perUsePrice;
        uint256 subscriptionPrice;
        uint64 subscriptionPeriod;
        uint256 packPrice;
        uint64 packSize;
        uint16 ownerShareBps;
    }

    /// @notice Descriptive metadata and content identifiers; stored as given, never interpreted on chain.
    struct Metadata {
        string name;
        string description;
        string inputShape;
        string outputShape;
        string uri;
        string weightsCid;
        string circuitCid;
        string settingsCid;
    }

    struct Model {
        address owner;
        address verifier;
        bool active;
        uint16 numOutputs;
        bytes4 verifySelector;
        uint256 paramCommitment;
        Terms terms;
        Metadata metadata;
    }

    struct Request {
        uint256 modelId;
        address user;
        RequestStatus status;
        Payment payment;
        uint16 feeBps;
        uint16 ownerShareBps;
        uint64 createdAt;
        uint64 deadline;
        address server;
        uint256 inputCommitment;
        uint256 amount;
    }

    struct Server {
        bool authorized;
        bool suspended;
        uint256 reputation;
    }

    // ---------------------------------------------------------------- state

    address public owner;
    bool public paused;
    uint16 public feeBps;
    uint256 public accruedFees;
    uint256 public nextModelId = 1;
    uint256 public nextRequestId = 1;
    uint256 private _locked = 1;

    mapping(uint256 => Model) private _models;
    mapping(uint256 => Request) private _requests;
    mapping(address => Server) private _servers;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(uint256 => uint64)) public subscriptionExpiry;
    mapping(address => mapping(uint256 => uint64)) public creditCount;
    mapping(address => mapping(uint256 => uint256)) public creditValue;

    // ---------------------------------------------------------------- events

    event ModelRegistered(uint256 indexed modelId, address indexed owner, address verifier, uint256 paramCommitment, uint16 numOutputs);
    event ModelTermsUpdated(uint256 indexed modelId, uint256 perUsePrice, uint256 subscriptionPrice, uint64 subscriptionPeriod, uint256 packPrice, uint64 packSize, uint16 ownerShareBps);
    event ModelMetadataUpdated(uint256 indexed modelId);
    event ModelActivation(uint256 indexed modelId, bool active);
    event SubscriptionBought(uint256 indexed modelId, address indexed user, uint64 expiry, uint256 paid);
    event CreditsBought(uint256 indexed modelId, address indexed user, uint64 credits, uint256 paid);
    event InferenceRequested(uint256 indexed requestId, uint256 indexed modelId, address indexed user, uint256 inputCommitment, uint8 payment, uint256 amount, uint64 createdAt, uint64 deadline);
    event ResultAccepted(uint256 indexed requestId, address indexed server, uint256[] outputs, uint256 fee, uint256 ownerAmount, uint256 serverAmount);
    event ProofRejected(uint256 indexed requestId, address indexed server, uint256 refund);
    event RequestCancelled(uint256 indexed requestId, uint256 refund);
    event ReputationChanged(address indexed server, uint256 reputation, bool suspended);
    event ServerAuthorized(address indexed server);
    event ServerRemoved(address indexed server);
    event Withdrawal(address indexed account, uint256 amount);
    event FeesWithdrawn(address indexed to, uint256 amount);
    event FeeChanged(uint16 feeBps);
    event Paused(bool paused);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    // ---------------------------------------------------------------- errors

    error NotOwner(address caller);
    error NotModelOwner(uint256 modelId, address caller);
    error EnforcedPause();
    error ExpectedPause();
    error Reentrancy();
    error FeeTooHigh(uint256 feeBps);
    error ZeroAddress();
    error InvalidShare(uint256 ownerShareBps);
    error InvalidOutputCount(uint256 numOutputs);
    error InvalidTerms();
    error FieldElementTooLarge(uint256 value);
    error UnknownModel(uint256 modelId);
    error ModelInactive(uint256 modelId);
    error ActivationUnchanged(uint256 modelId, bool active);
    error TierNotOffered(uint256 modelId, uint8 tier);
    error WrongPayment(uint256 expected, uint256 sent);
    error InvalidDeadline(uint64 deadline);
    error UnknownRequest(uint256 requestId);
    error RequestNotPending(uint256 requestId, uint8 status);
    error DeadlinePassed(uint256 requestId, uint64 deadline);
    error DeadlineNotReached(uint256 requestId, uint64 deadline);
    error NotRequester(uint256 requestId, address caller);
    error NotAuthorizedServer(address server);
    error ServerSuspended(address server);
    error WrongOutputCount(uint256 expected, uint256 actual);
    error InsufficientGasForVerification();
    error NothingToWithdraw(address account);
    error TransferFailed(address to, uint256 amount);

    // ---------------------------------------------------------------- modifiers

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        _;
    }

    modifier whenNotPaused() {
        if (paused) revert EnforcedPause();
        _;
    }

    modifier nonReentrant() {
        if (_locked != 1) revert Reentrancy();
        _locked = 2;
        _;
        _locked = 1;
    }

    constructor(uint16 initialFeeBps) {
        if (initialFeeBps > MAX_FEE_BPS) revert FeeTooHigh(initialFeeBps);
        owner = msg.sender;
        feeBps = initialFeeBps;
        emit OwnershipTransferred(address(0), msg.sender);
        emit FeeChanged(initialFeeBps);
    }

    // ---------------------------------------------------------------- model registry

    /// @notice Registers a model owned by the caller; it starts active. Returns its id.
    function registerModel(address verifier, uint256 paramCommitment, uint16 numOutputs, Terms calldata terms, Metadata calldata metadata)
        external returns (uint256 modelId)
    {
        if (verifier == address(0)) revert ZeroAddress();
        if (paramCommitment >= SNARK_SCALAR_FIELD) revert FieldElementTooLarge(paramCommitment);
        if (numOutputs == 0 || numOutputs > MAX_OUTPUTS) revert InvalidOutputCount(numOutputs);
        _checkTerms(terms);
        modelId = nextModelId++;
        Model storage m = _models[modelId];
        m.owner = msg.sender;
        m.verifier = verifier;
        m.active = true;
        m.numOutputs = numOutputs;
        m.verifySelector = _verifySelector(uint256(numOutputs) + 4);
        m.paramCommitment = paramCommitment;
        m.terms = terms;
        m.metadata = metadata;
        emit ModelRegistered(modelId, msg.sender, verifier, paramCommitment, numOutputs);
        _emitTerms(modelId, terms);
    }

    /// @notice Replaces a model's prices and split (requests already made keep the terms they were made under).
    function updateTerms(uint256 modelId, Terms calldata terms) external {
        _ownedModel(modelId);
        _checkTerms(terms);
        _models[modelId].terms = terms;
        _emitTerms(modelId, terms);
    }

    /// @notice Replaces a model's metadata.
    function updateMetadata(uint256 modelId, Metadata calldata metadata) external {
        _ownedModel(modelId);
        _models[modelId].metadata = metadata;
        emit ModelMetadataUpdated(modelId);
    }

    /// @notice Activates or deactivates a model; only active models accept requests and sell access.
    function setModelActive(uint256 modelId, bool active) external {
        Model storage m = _ownedModel(modelId);
        if (m.active == active) revert ActivationUnchanged(modelId, active);
        m.active = active;
        emit ModelActivation(modelId, active);
    }

    // ---------------------------------------------------------------- access

    /// @notice Buys one subscription period: it starts now, or extends an unexpired one.
    function buySubscription(uint256 modelId) external payable whenNotPaused {
        Model storage m = _activeModel(modelId);
        Terms storage t = m.terms;
        if (t.subscriptionPeriod == 0) revert TierNotOffered(modelId, uint8(Payment.Subscription));
        if (msg.value != t.subscriptionPrice) revert WrongPayment(t.subscriptionPrice, msg.value);
        uint64 current = subscriptionExpiry[msg.sender][modelId];
        uint64 start = current > block.timestamp ? current : uint64(block.timestamp);
        uint64 expiry = start + t.subscriptionPeriod;
        subscriptionExpiry[msg.sender][modelId] = expiry;
        // A subscription is paid for a period, not per inference: it settles at once between platform and owner.
        uint256 fee = (msg.value * feeBps) / BPS;
        accruedFees += fee;
        balanceOf[m.owner] += msg.value - fee;
        emit SubscriptionBought(modelId, msg.sender, expiry, msg.value);
    }

    /// @notice Buys one credit pack; its price stays with the contract until each credit is spent or refunded.
    function buyCredits(uint256 modelId) external payable whenNotPaused {
        Model storage m = _activeModel(modelId);
        Terms storage t = m.terms;
        if (t.packSize == 0) revert TierNotOffered(modelId, uint8(Payment.Credit));
        if (msg.value != t.packPrice) revert WrongPayment(t.packPrice, msg.value);
        creditCount[msg.sender][modelId] += t.packSize;
        creditValue[msg.sender][modelId] += msg.value;
        emit CreditsBought(modelId, msg.sender, t.packSize, msg.value);
    }

    // ---------------------------------------------------------------- requests

    /// @notice Requests an inference of an active model on the input committed to by inputCommitment.
    /// Payment: an unexpired subscription, else a credit, else exactly perUsePrice (0 for a free model).
    function requestInference(uint256 modelId, uint256 inputCommitment, uint64 deadline)
        external payable whenNotPaused returns (uint256 requestId)
    {
        Model storage m = _activeModel(modelId);
        if (inputCommitment >= SNARK_SCALAR_FIELD) revert FieldElementTooLarge(inputCommitment);
        if (deadline <= block.timestamp || deadline > block.timestamp + MAX_REQUEST_TTL) revert InvalidDeadline(deadline);
        Payment payment;
        uint256 amount;
        if (subscriptionExpiry[msg.sender][modelId] > block.timestamp) {
            if (msg.value != 0) revert WrongPayment(0, msg.value);
            payment = Payment.Subscription;
        } else if (creditCount[msg.sender][modelId] > 0) {
            if (msg.value != 0) revert WrongPayment(0, msg.value);
            payment = Payment.Credit;
            uint64 count = creditCount[msg.sender][modelId];
            uint256 value = creditValue[msg.sender][modelId];
            // Each credit carries an equal share of what is left; the last one carries the remainder.
            amount = value / count;
            creditCount[msg.sender][modelId] = count - 1;
            creditValue[msg.sender][modelId] = value - amount;
        } else {
            uint256 price = m.terms.perUsePrice;
            if (msg.value != price) revert WrongPayment(price, msg.value);
            payment = price == 0 ? Payment.Free : Payment.PerUse;
            amount = price;
        }
        requestId = nextRequestId++;
        _requests[requestId] = Request({
            modelId: modelId,
            user: msg.sender,
            status: RequestStatus.Pending,
            payment: payment,
            feeBps: feeBps,
            ownerShareBps: m.terms.ownerShareBps,
            createdAt: uint64(block.timestamp),
            deadline: deadline,
            server: address(0),
            inputCommitment: inputCommitment,
            amount: amount
        });
        emit InferenceRequested(requestId, modelId, msg.sender, inputCommitment, uint8(payment), amount, uint64(block.timestamp), deadline);
    }

    /// @notice Submits a request's outputs with a Groth16 proof (snarkjs calldata order: a, b with imaginary
    /// parts first, c). A valid proof settles the escrow and returns true; an invalid one refunds the user,
    /// penalises the server and returns false (the transaction succeeds either way; ProofRejected says why).
    function submitResult(uint256 requestId, uint256[] calldata outputs, uint256[8] calldata proof)
        external whenNotPaused nonReentrant returns (bool valid)
    {
        Server storage s = _servers[msg.sender];
        if (!s.authorized) revert NotAuthorizedServer(msg.sender);
        if (s.suspended) revert ServerSuspended(msg.sender);
        Request storage r = _pendingRequest(requestId);
        if (block.timestamp > r.deadline) revert DeadlinePassed(requestId, r.deadline);
        Model storage m = _models[r.modelId];
        if (outputs.length != m.numOutputs) revert WrongOutputCount(m.numOutputs, outputs.length);

        valid = _verify(m, r, requestId, outputs, proof);
        r.server = msg.sender;
        if (valid) {
            r.status = RequestStatus.Fulfilled;
            uint256 amount = r.amount;
            uint256 fee = (amount * r.feeBps) / BPS;
            uint256 ownerAmount = ((amount - fee) * r.ownerShareBps) / BPS;
            uint256 serverAmount = amount - fee - ownerAmount;
            accruedFees += fee;
            balanceOf[m.owner] += ownerAmount;
            balanceOf[msg.sender] += serverAmount;
            s.reputation += REPUTATION_REWARD;
            emit ResultAccepted(requestId, msg.sender, outputs, fee, ownerAmount, serverAmount);
        } else {
            r.status = RequestStatus.Rejected;
            uint256 refund = _refund(r);
            s.reputation = s.reputation > REPUTATION_PENALTY ? s.reputation - REPUTATION_PENALTY : 0;
            if (s.reputation < SUSPENSION_THRESHOLD) s.suspended = true;
            emit ProofRejected(requestId, msg.sender, refund);
        }
        emit ReputationChanged(msg.sender, s.reputation, s.suspended);
    }

    /// @notice Cancels an unfulfilled request after its deadline and refunds the requester (works while paused).
    function cancelRequest(uint256 requestId) external {
        Request storage r = _pendingRequest(requestId);
        if (msg.sender != r.user) revert NotRequester(requestId, msg.sender);
        if (block.timestamp <= r.deadline) revert DeadlineNotReached(requestId, r.deadline);
        r.status = RequestStatus.Cancelled;
        uint256 refund = _refund(r);
        emit RequestCancelled(requestId, refund);
    }

    // ---------------------------------------------------------------- payments out

    /// @notice Sends the caller everything credited to it (works while paused).
    function withdraw() external nonReentrant {
        uint256 amount = balanceOf[msg.sender];
        if (amount == 0) revert NothingToWithdraw(msg.sender);
        balanceOf[msg.sender] = 0;
        emit Withdrawal(msg.sender, amount);
        _send(msg.sender, amount);
    }

    /// @notice Sends the accrued platform fees to the contract owner.
    function withdrawFees() external onlyOwner nonReentrant {
        uint256 amount = accruedFees;
        if (amount == 0) revert NothingToWithdraw(msg.sender);
        accruedFees = 0;
        emit FeesWithdrawn(msg.sender, amount);
        _send(msg.sender, amount);
    }

    // ---------------------------------------------------------------- admin

    function pause() external onlyOwner {
        if (paused) revert EnforcedPause();
        paused = true;
        emit Paused(true);
    }

    function unpause() external onlyOwner {
        if (!paused) revert ExpectedPause();
        paused = false;
        emit Paused(false);
    }

    /// @notice Sets the platform fee for requests made from now on (at most MAX_FEE_BPS).
    function setFee(uint16 newFeeBps) external onlyOwner {
        if (newFeeBps > MAX_FEE_BPS) revert FeeTooHigh(newFeeBps);
        feeBps = newFeeBps;
        emit FeeChanged(newFeeBps);
    }

    /// @notice Authorizes a prover server, or re-admits a removed or suspended one with the initial reputation.
    function authorizeServer(address server) external onlyOwner {
        if (server == address(0)) revert ZeroAddress();
        _servers[server] = Server({ authorized: true, suspended: false, reputation: INITIAL_REPUTATION });
        emit ServerAuthorized(server);
        emit ReputationChanged(server, INITIAL_REPUTATION, false);
    }

    function removeServer(address server) external onlyOwner {
        if (!_servers[server].authorized) revert NotAuthorizedServer(server);
        _servers[server].authorized = false;
        emit ServerRemoved(server);
    }

    function transferOwnership(address newOwner) external onlyOwner {
        if (newOwner == address(0)) revert ZeroAddress();
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }

    // ---------------------------------------------------------------- views

    function getModel(uint256 modelId) external view returns (Model memory) {
        if (_models[modelId].owner == address(0)) revert UnknownModel(modelId);
        return _models[modelId];
    }

    function getRequest(uint256 requestId) external view returns (Request memory) {
        if (_requests[requestId].status == RequestStatus.None) revert UnknownRequest(requestId);
        return _requests[requestId];
    }

    function getServer(address server) external view returns (Server memory) {
        return _servers[server];
    }

    /// @notice The public signals a proof for this request by this server must have:
    /// [outputs…, inputCommitment, paramCommitment, requestId, server].
    function publicSignals(uint256 requestId, address server, uint256[] calldata outputs) external view returns (uint256[] memory signals) {
        if (_requests[requestId].status == RequestStatus.None) revert UnknownRequest(requestId);
        Request storage r = _requests[requestId];
        return _signals(_models[r.modelId], r, requestId, server, outputs);
    }

    // ---------------------------------------------------------------- internals

    function _checkTerms(Terms calldata terms) private pure {
        if (terms.ownerShareBps > BPS) revert InvalidShare(terms.ownerShareBps);
        // A tier is on exactly when its period or pack size is non-zero; a price without it is a mistake.
        if ((terms.subscriptionPeriod == 0 && terms.subscriptionPrice != 0) || (terms.packSize == 0 && terms.packPrice != 0))
            revert InvalidTerms();
    }

    function _emitTerms(uint256 modelId, Terms calldata t) private {
        emit ModelTermsUpdated(modelId, t.perUsePrice, t.subscriptionPrice, t.subscriptionPeriod, t.packPrice, t.packSize, t.ownerShareBps);
    }

    function _model(uint256 modelId) private view returns (Model storage m) {
        m = _models[modelId];
        if (m.owner == address(0)) revert UnknownModel(modelId);
    }

    function _ownedModel(uint256 modelId) private view returns (Model storage m) {
        m = _model(modelId);
        if (m.owner != msg.sender) revert NotModelOwner(modelId, msg.sender);
    }

    function _activeModel(uint256 modelId) private view returns (Model storage m) {
        m = _model(modelId);
        if (!m.active) revert ModelInactive(modelId);
    }

    function _pendingRequest(uint256 requestId) private view returns (Request storage r) {
        r = _requests[requestId];
        if (r.status == RequestStatus.None) revert UnknownRequest(requestId);
        if (r.status != RequestStatus.Pending) revert RequestNotPending(requestId, uint8(r.status));
    }

    /// @dev Returns the escrow to the requester: wei to its balance, or the credit it was paid with.
    function _refund(Request storage r) private returns (uint256 amount) {
        amount = r.amount;
        if (r.payment == Payment.Credit) {
            creditCount[r.user][r.modelId] += 1;
            creditValue[r.user][r.modelId] += amount;
        } else {
            balanceOf[r.user] += amount;
        }
    }

    function _signals(Model storage m, Request storage r, uint256 requestId, address server, uint256[] calldata outputs)
        private view returns (uint256[] memory signals)
    {
        uint256 n = outputs.length;
        signals = new uint256[](n + 4);
        for (uint256 i = 0; i < n; i++) signals[i] = outputs[i];
        signals[n] = r.inputCommitment;
        signals[n + 1] = m.paramCommitment;
        signals[n + 2] = requestId;
        signals[n + 3] = uint256(uint160(server));
    }

    /// @dev Calls verifyProof(uint[2],uint[2][2],uint[2],uint[N]) with the signals built here, so a proof is bound
    /// to this request, model and caller. A revert, a short or non-true return all count as an invalid proof; too
    /// little gas for the verifier reverts the whole transaction instead, so it can never be read as one.
    function _verify(Model storage m, Request storage r, uint256 requestId, uint256[] calldata outputs, uint256[8] calldata proof)
        private view returns (bool)
    {
        uint256[] memory signals = _signals(m, r, requestId, msg.sender, outputs);
        uint256 gasForVerifier = VERIFY_GAS_BASE + VERIFY_GAS_PER_SIGNAL * signals.length;
        if (gasleft() < gasForVerifier + gasForVerifier / 63 + 10_000) revert InsufficientGasForVerification();
        bytes memory data = abi.encodePacked(m.verifySelector, proof, signals);
        (bool ok, bytes memory ret) = m.verifier.staticcall{ gas: gasForVerifier }(data);
        return ok && ret.length == 32 && abi.decode(ret, (uint256)) == 1;
    }

    function _verifySelector(uint256 n) private pure returns (bytes4) {
        return bytes4(keccak256(abi.encodePacked("verifyProof(uint256[2],uint256[2][2],uint256[2],uint256[", _decimal(n), "])")));
    }

    function _decimal(uint256 v) private pure returns (bytes memory out) {
        if (v == 0) return "0";
        uint256 len;
        for (uint256 t = v; t != 0; t /= 10) len++;
        out = new bytes(len);
        for (; v != 0; v /= 10) out[--len] = bytes1(uint8(48 + (v % 10)));
    }

    function _send(address to, uint256 amount) private {
        (bool ok, ) = payable(to).call{ value: amount }("");
        if (!ok) revert TransferFailed(to, amount);
    }
}
