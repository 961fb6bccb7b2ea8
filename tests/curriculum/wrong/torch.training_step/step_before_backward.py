# Wrong: calls optimizer.step() before loss.backward(): each step uses the previous batch's
# gradients (and the first step none at all).
def training_step(model, optimizer, loss_fn, X, y):
    if len(X) != len(y):
        raise ValueError("X and y differ in length")
    optimizer.zero_grad()
    loss = loss_fn(model(X), y)
    optimizer.step()
    loss.backward()
    return loss.item()
