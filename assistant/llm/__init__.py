"""Models: providers, the one ChatOpenAI path, embeddings and prompt loading.

The only package that imports langchain or openai (besides the Chroma store in storage/).
"""
