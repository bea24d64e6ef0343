"""Widgets built once and used by every screen: countdown, both-ready, turn banner…"""
