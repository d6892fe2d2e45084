"""The workshop as a process, without Qt: stages and their texts, agenda templates and
schedule maths, the stage timer, the run through the stages, and the why-ladder."""
