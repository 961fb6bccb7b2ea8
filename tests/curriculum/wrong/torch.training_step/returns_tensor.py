# Wrong: returns the loss tensor instead of loss.item().
def training_step(model, optimizer, loss_fn, X, y):
    if len(X) != len(y):
        raise ValueError("X and y differ in length")
    optimizer.zero_grad()
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    return loss
