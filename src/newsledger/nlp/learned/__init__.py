"""The learned attribution tagger (issue 5): a transformer token classifier.

``data``     PolNeAR -> word-piece windows with BIO labels per role layer
``model``    encoder + linear token-classification head (torch)
``train``    training loop with checkpoints, resume, dev evaluation per epoch
``decode``   BIO tags -> coherent Statements
``component`` the spaCy component that runs a trained model in the pipeline

Importing this package imports neither torch nor transformers; the modules do.
"""
